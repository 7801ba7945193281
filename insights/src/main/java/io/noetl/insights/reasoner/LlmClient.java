package io.noetl.insights.reasoner;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat model behind a hard deadline: a call returns the model's text, or fails with a short reason, within the
 * time it was given — whatever the endpoint does (a slow answer, a stalled connection, retries). Thread-safe.
 */
public final class LlmClient {

    private static final Logger LOG = LoggerFactory.getLogger(LlmClient.class);

    /** A model call that gave no usable text; {@link #getMessage()} is a short reason for the fallback note. */
    public static final class Failure extends RuntimeException {
        public Failure(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private final ChatModel model;
    private final String name;
    private final Duration timeout;
    private final Clock clock;

    /**
     * @param model   the chat model
     * @param name    how answers name it ({@code llm:<model>})
     * @param timeout the longest one call may take
     */
    public LlmClient(ChatModel model, String name, Duration timeout, Clock clock) {
        this.model = model;
        this.name = name;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A client of an OpenAI-compatible endpoint, asking for JSON answers. */
    public static LlmClient openAi(LlmSettings s) {
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(s.baseUrl())
                .apiKey(s.apiKey() == null ? "none" : s.apiKey()) // local endpoints take any key
                .modelName(s.model())
                // the call's own deadline is the limit; the HTTP timeout only frees a connection left behind
                .timeout(s.timeout().plusSeconds(1))
                .maxRetries(0) // the deadline leaves no time for retries; the extractive answer is the fallback
                .responseFormat("json_object")
                .build();
        return new LlmClient(model, s.reasonerName(), s.timeout(), Clock.systemUTC());
    }

    /** @return how answers name this model */
    public String name() {
        return name;
    }

    /** @return the longest one call may take */
    public Duration timeout() {
        return timeout;
    }

    /** @return the deadline of {@code calls} calls in a row starting now */
    public Instant deadline(int calls) {
        return clock.instant().plus(timeout.multipliedBy(calls));
    }

    /**
     * Asks the model, waiting at most {@link #timeout()}.
     *
     * @param messages the conversation (system prompt first)
     * @return the model's text
     * @throws Failure when it did not answer in time, failed, or answered nothing
     */
    public String complete(List<ChatMessage> messages) {
        return call(messages, timeout.toMillis());
    }

    /**
     * Asks the model as one of several calls sharing a deadline: waits at most {@link #timeout()}, and not past
     * {@code deadline}.
     *
     * @throws Failure when it did not answer in time, failed, or answered nothing
     */
    public String complete(List<ChatMessage> messages, Instant deadline) {
        long left = Duration.between(clock.instant(), deadline).toMillis();
        if (left <= 0) {
            throw new Failure("no time left for the model", null);
        }
        return call(messages, Math.min(timeout.toMillis(), left));
    }

    private String call(List<ChatMessage> messages, long waitMs) {
        FutureTask<ChatResponse> call = new FutureTask<>(() -> model.chat(ChatRequest.builder()
                .messages(messages).build()));
        Thread.ofVirtual().name("llm-call").start(call);
        try {
            ChatResponse response = call.get(waitMs, TimeUnit.MILLISECONDS);
            String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
            if (text == null || text.isBlank()) {
                throw new Failure("empty answer", null);
            }
            return text;
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new Failure("no answer within " + human(Duration.ofMillis(waitMs)), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.warn("model {} call failed: {}", name, cause.toString());
            throw new Failure("model call failed (" + cause.getClass().getSimpleName() + ")", cause);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", e);
        }
    }

    /** @return {@code 500ms}, {@code 20s}, {@code 1.5s} */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
