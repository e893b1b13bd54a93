package com.jorge.platform.perf.bots;

import com.jorge.platform.understanding.EvaluateCorpus;
import com.jorge.platform.understanding.LabelledMessage;
import com.jorge.platform.understanding.LeadMessageUnderstander;
import com.jorge.platform.understanding.MessageUnderstanding;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of {@code understand()} for one message, sampled (JMH SampleTime gives p50/p99/p99.9):
 * <ul>
 *   <li>{@code corpus}: the 499 corpus messages in turn, the realistic mix (about one English
 *       message in ten has no lexicon cue and goes to the embedding);</li>
 *   <li>{@code embedding}: only messages the lexicon has no words for, so every call embeds the text
 *       with MiniLM: the worst case, the "embedding call included" figure.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx1g"})
public class UnderstandBenchmark {

    /** Paraphrases with no lexicon cue: each one is embedded. */
    static final List<String> EMBEDDING_PATH = List.of(
            "I'd prefer to hear your voice, can we chat live",
            "is there any way to get inside the place this weekend",
            "how much do you think our house would fetch",
            "not the right time for us",
            "we'll revisit this down the road",
            "we've decided to stay put",
            "we signed with a brokerage already",
            "the prices around here are out of reach",
            "would love to walk around that home before we decide",
            "hello there friend, hope your week is going well");

    @Param({"corpus", "embedding"})
    public String messages;

    private LeadMessageUnderstander understander;
    private List<String> texts;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        understander = LeadMessageUnderstander.load(EvaluateCorpus.CORPUS_CLOCK);
        if (messages.equals("embedding")) {
            texts = EMBEDDING_PATH;
        } else {
            texts = new ArrayList<>();
            LabelledMessage.load(EvaluateCorpus.TUNING).forEach(m -> texts.add(m.text()));
            LabelledMessage.load(EvaluateCorpus.HELD_OUT).forEach(m -> texts.add(m.text()));
        }
    }

    @Benchmark
    public MessageUnderstanding understand() {
        String text = texts.get(next);
        next = next + 1 == texts.size() ? 0 : next + 1;
        return understander.understand(text);
    }
}
