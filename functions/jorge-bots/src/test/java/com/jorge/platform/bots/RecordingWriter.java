package com.jorge.platform.bots;

import com.jorge.platform.bots.reply.ReplyPart;
import com.jorge.platform.bots.reply.ReplyPlan;
import com.jorge.platform.bots.reply.ReplyWriter;

import java.util.ArrayList;
import java.util.List;

/** The real template writer, remembering which steps each reply was asked to say. */
final class RecordingWriter implements ReplyWriter {

    private final ReplyWriter delegate;
    final List<ReplyPlan> plans = new ArrayList<>();

    RecordingWriter(ReplyWriter delegate) {
        this.delegate = delegate;
    }

    @Override
    public String write(ReplyPlan plan) {
        plans.add(plan);
        return delegate.write(plan);
    }

    List<String> lastKeys() {
        return plans.isEmpty() ? List.of() : plans.getLast().parts().stream().map(ReplyPart::key).toList();
    }
}
