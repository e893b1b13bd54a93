package com.jorge.platform.contactdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.storage.AuditLog;

import java.io.PrintStream;

/**
 * {@code java -cp functions/contact-data/target/contact-data-cli.jar com.jorge.platform.contactdata.ContactDataCommand
 * export|erase <locationId> <contactId> <operator> <reason>}: the export prints the JSON document; the erasure prints
 * its report as JSON, then {@code aurora_rows=N redis_keys=N objects=N audit_entries_kept=N tombstone_seq=N}.
 * Settings from the environment (see {@link ContactDataSettings}, and the database's and Redis's).
 */
public final class ContactDataCommand {

    private ContactDataCommand() {
    }

    public static void main(String[] args) throws JsonProcessingException {
        if (args.length != 5 || !(args[0].equals("export") || args[0].equals("erase"))) {
            System.err.println("usage: ContactDataCommand export|erase <locationId> <contactId> <operator> <reason>");
            System.exit(2);
        }
        System.exit(run(ContactDataFunction.fromConfig(PlatformConfig.fromEnvironment()), args, System.out));
    }

    static int run(ContactDataFunction.Parts parts, String[] args, PrintStream out) throws JsonProcessingException {
        LeadRef lead = new LeadRef(args[1], args[2]);
        Requester by = new Requester(AuditLog.Actor.HUMAN, args[3], args[4]);
        var writer = PlatformJson.mapper().writerWithDefaultPrettyPrinter();
        if (args[0].equals("export")) {
            out.println(writer.writeValueAsString(parts.export().export(lead, by)));
        } else {
            ErasureReport report = parts.erasure().erase(lead, by);
            out.println(writer.writeValueAsString(report));
            out.println(report.summary());
        }
        return 0;
    }
}
