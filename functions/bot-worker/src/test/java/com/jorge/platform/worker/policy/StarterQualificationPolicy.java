package com.jorge.platform.worker.policy;

import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationContext;
import com.jorge.platform.conversation.ConversationPolicy;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.InboundText;
import com.jorge.platform.conversation.Temperature;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The foundation's minimal bot: greets, asks three qualifying questions one at a time (seller or buyer,
 * from the first message), remembers the answers, and hands the lead to an agent once qualified.
 * Opt-out keywords are honoured from the first message on. The full Jorge qualification engine
 * (functions/jorge-bots) replaces it behind the same {@link ConversationPolicy} interface.
 */
public final class StarterQualificationPolicy implements ConversationPolicy {

    private static final Pattern OPT_OUT = Pattern.compile(
            "^\\s*(stop|stopall|unsubscribe|cancel|end|quit)\\s*[.!]*\\s*$|stop texting|no m[aá]s mensajes",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BUYER = Pattern.compile("\\b(buy|buying|purchase|looking for a (home|house|place)|comprar)\\b",
            Pattern.CASE_INSENSITIVE);

    private record Question(String fact, String text) {}

    private static final List<Question> SELLER = List.of(
            new Question("seller.motivation", "What has you thinking about selling?"),
            new Question("seller.timeline", "Got it. When would you ideally like to be moved out?"),
            new Question("seller.price", "Thanks! Do you have a price in mind for the home?"));
    private static final List<Question> BUYER_QUESTIONS = List.of(
            new Question("buyer.budget", "What price range are you shopping in?"),
            new Question("buyer.preapproval", "Great. Are you pre-approved with a lender yet?"),
            new Question("buyer.area", "Which areas or neighborhoods are you looking in?"));

    @Override
    public BotTurn respond(ConversationContext context, InboundText message) {
        ConversationState state = context.state();
        String text = message.body() == null ? "" : message.body().strip();
        if (OPT_OUT.matcher(text).find()) {
            ConversationState next = copy(state, state.botType(), "opted_out", state.facts(), Temperature.COLD,
                    List.of("lead opted out"), true);
            return new BotTurn(List.of("You're unsubscribed and won't get more texts from us. Reply START to opt back in."),
                    List.of(new CrmAction.MarkDoNotDisturb("lead texted opt-out keyword")), next);
        }
        return switch (state.stage()) {
            case ConversationState.NEW_STAGE -> greet(context, text);
            case "handed_off", "opted_out" -> BotTurn.silent(copy(state, state.botType(), state.stage(), state.facts(),
                    state.temperature(), state.temperatureReasons(), state.optedOut()));
            default -> answer(context, text);
        };
    }

    private BotTurn greet(ConversationContext context, String text) {
        BotType type = BUYER.matcher(text).find() ? BotType.BUYER : BotType.SELLER;
        List<Question> questions = questions(type);
        String name = context.firstName() == null || context.firstName().isBlank() ? "there" : context.firstName();
        String intro = type == BotType.SELLER
                ? "Hi " + name + ", this is Jorge's team. Thanks for reaching out about selling your home! "
                : "Hi " + name + ", this is Jorge's team. Happy to help you find your next home! ";
        ConversationState next = copy(context.state(), type, "ask:" + questions.get(0).fact(), Map.of(),
                Temperature.COLD, List.of("new lead"), false);
        return new BotTurn(List.of(intro + questions.get(0).text()),
                List.of(new CrmAction.AddTags(List.of(type == BotType.SELLER ? "jorge-seller" : "jorge-buyer"))), next);
    }

    private BotTurn answer(ConversationContext context, String text) {
        ConversationState state = context.state();
        List<Question> questions = questions(state.botType());
        String asked = state.stage().startsWith("ask:") ? state.stage().substring(4) : null;
        Map<String, String> facts = new HashMap<>(state.facts());
        if (asked != null) facts.put(asked, text.length() > 200 ? text.substring(0, 200) : text);
        Question nextQuestion = questions.stream().filter(q -> !facts.containsKey(q.fact())).findFirst().orElse(null);
        if (nextQuestion != null) {
            Temperature temp = facts.size() >= 2 ? Temperature.WARM : Temperature.COLD;
            ConversationState next = copy(state, state.botType(), "ask:" + nextQuestion.fact(), facts, temp,
                    List.of(facts.size() + " of " + questions.size() + " qualifying answers"), false);
            return new BotTurn(List.of(nextQuestion.text()), List.of(), next);
        }
        List<String> reasons = List.of("all " + questions.size() + " qualifying questions answered");
        ConversationState next = copy(state, state.botType(), "handed_off", facts, Temperature.HOT, reasons, false);
        String name = context.firstName() == null ? "" : ", " + context.firstName();
        List<CrmAction> actions = new ArrayList<>();
        actions.add(new CrmAction.UpdateFields(crmFields(facts)));
        actions.add(new CrmAction.AddTags(List.of("hot-lead")));
        actions.add(new CrmAction.MoveOpportunity("Hot Lead"));
        actions.add(new CrmAction.HandOff(state.botType().name().toLowerCase(Locale.ROOT) + " qualified: " + reasons.get(0)));
        return new BotTurn(List.of("Perfect, thank you" + name + "! I'm passing this to Jorge now; expect a call from him shortly."),
                actions, next);
    }

    private static Map<String, String> crmFields(Map<String, String> facts) {
        Map<String, String> fields = new HashMap<>();
        facts.forEach((k, v) -> fields.put("contact." + k.replace('.', '_'), v));
        return fields;
    }

    private static List<Question> questions(BotType type) {
        return type == BotType.BUYER ? BUYER_QUESTIONS : SELLER;
    }

    private static ConversationState copy(ConversationState s, BotType type, String stage, Map<String, String> facts,
                                          Temperature temperature, List<String> reasons, boolean optedOut) {
        ConversationState next = s.withBotType(type).withStage(stage).withFacts(facts).withTurns(s.turns() + 1)
                .withTemperature(temperature, reasons);
        return optedOut ? next.withOptedOut() : next;
    }
}
