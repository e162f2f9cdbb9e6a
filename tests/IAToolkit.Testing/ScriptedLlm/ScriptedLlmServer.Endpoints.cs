using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>The HTTP side: OpenAI's and Azure OpenAI's paths, and how a scripted reply becomes a response.</summary>
public sealed partial class ScriptedLlmServer
{
    private const string ServedPaths = "POST /v1/chat/completions, POST /v1/embeddings, GET /v1/models, "
        + "POST /openai/deployments/{deployment}/chat/completions and POST /openai/deployments/{deployment}/embeddings";

    private void MapEndpoints(WebApplication app)
    {
        app.MapPost("/v1/chat/completions", ChatCompletionAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", ChatCompletionAsync);
        app.MapPost("/v1/embeddings", EmbeddingsAsync);
        app.MapPost("/openai/deployments/{deployment}/embeddings", EmbeddingsAsync);
        app.MapGet("/v1/models", ModelsAsync);
        app.MapFallback(UnknownAsync);
    }

    private async Task ChatCompletionAsync(HttpContext context)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            int max;
            while (inFlight > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) != max)
            {
            }

            await AnswerChatAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task AnswerChatAsync(HttpContext context)
    {
        var (request, isJsonObject) = await RecordAsync(context, RecordedRequestKind.ChatCompletion);
        if (!isJsonObject)
        {
            Remember(_unexpected, request);
            await WriteErrorAsync(context, 400, "We could not parse the JSON body of your request.", context.RequestAborted);
            return;
        }

        if (!_script.TryDequeue(out var reply))
        {
            Remember(_unexpected, request);
            await WriteErrorAsync(
                context,
                500,
                $"The scripted LLM ran out of replies: request {request} arrived after all {Volatile.Read(ref _enqueued)} scripted replies were used. "
                    + "Enqueue another ScriptedReply if this request is expected.",
                context.RequestAborted,
                "scripted_llm_script_empty");
            return;
        }

        using var answering = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await AnswerAsync(context, request, reply, answering.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && answering.IsCancellationRequested)
        {
            if (context.RequestAborted.IsCancellationRequested)
            {
                Remember(_aborted, request);
            }
        }
    }

    private async Task AnswerAsync(HttpContext context, RecordedRequest request, ScriptedReply reply, CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (reply)
            {
                case DynamicReply dynamic:
                    ScriptedReply? chosen;
                    try
                    {
                        chosen = dynamic.Choose(request);
                    }
                    catch (Exception e) // A throwing test callback becomes an error the test sees, not a dropped connection.
                    {
                        Remember(_unexpected, request);
                        await WriteErrorAsync(context, 500, $"The Dynamic reply for request {request} threw {e.GetType().Name}: {e.Message}", cancellationToken);
                        return;
                    }

                    if (chosen is null)
                    {
                        Remember(_unexpected, request);
                        await WriteErrorAsync(context, 500, $"The Dynamic reply for request {request} returned null.", cancellationToken);
                        return;
                    }

                    reply = chosen;
                    break;

                case DelayedReply delayed:
                    await Task.Delay(delayed.Wait, cancellationToken);
                    reply = delayed.Then;
                    break;

                case ErrorReply error:
                    if (error.RetryAfter is { } wait)
                    {
                        context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                        context.Response.Headers["retry-after-ms"] = Math.Ceiling(wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
                    }

                    await WriteErrorAsync(context, error.Status, error.Message, cancellationToken);
                    return;

                case BrokenStreamReply broken:
                    await WriteBrokenAsync(context, request, Answer(request, broken.TextBeforeBreak, [], null, null), cancellationToken);
                    return;

                case TextReply text:
                    await WriteAnswerAsync(context, request, Answer(request, text.Content, [], text.PromptTokens, text.CompletionTokens), cancellationToken);
                    return;

                case PacedTextReply paced:
                    await WritePacedAsync(context, request, paced, cancellationToken);
                    return;

                case ToolCallsReply toolCalls:
                    var calls = toolCalls.Calls.Select(c => new RecordedToolCall(NextCallId(), c.Name, c.ArgumentsJson)).ToList();
                    await WriteAnswerAsync(context, request, Answer(request, null, calls, null, null), cancellationToken);
                    return;

                default:
                    throw new InvalidOperationException($"Unknown scripted reply {reply.GetType().Name}.");
            }
        }
    }

    private static ScriptedAnswer Answer(RecordedRequest request, string? content, IReadOnlyList<RecordedToolCall> calls, int? promptTokens, int? completionTokens)
    {
        var replyCharacters = (content?.Length ?? 0) + calls.Sum(c => c.Name.Length + c.ArgumentsJson.Length);
        return new ScriptedAnswer(
            $"chatcmpl-scripted-{request.Number}",
            DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            request.Model ?? "scripted",
            content,
            calls,
            promptTokens ?? request.EstimatedPromptTokens,
            completionTokens ?? TokenEstimate.FromCharacters(replyCharacters));
    }

    private static async Task WriteAnswerAsync(HttpContext context, RecordedRequest request, ScriptedAnswer answer, CancellationToken cancellationToken)
    {
        if (request.Stream)
        {
            await ServerSentEvents.WriteAsync(context.Response, ChatCompletionJson.Chunks(answer, request.IncludeUsage), cancellationToken);
            return;
        }

        await WriteJsonAsync(context, StatusCodes.Status200OK, ChatCompletionJson.Completion(answer), cancellationToken);
    }

    private static async Task WritePacedAsync(HttpContext context, RecordedRequest request, PacedTextReply paced, CancellationToken cancellationToken)
    {
        var answer = Answer(request, paced.Content, [], null, null);
        if (request.Stream)
        {
            await ServerSentEvents.WriteAsync(context.Response, ChatCompletionJson.Chunks(answer, request.IncludeUsage), cancellationToken, paced.Pause);
            return;
        }

        await Task.Delay(paced.Pause * ChatCompletionJson.Chunks(answer, includeUsage: false).Count(), cancellationToken);
        await WriteJsonAsync(context, StatusCodes.Status200OK, ChatCompletionJson.Completion(answer), cancellationToken);
    }

    private static async Task WriteBrokenAsync(HttpContext context, RecordedRequest request, ScriptedAnswer answer, CancellationToken cancellationToken)
    {
        if (request.Stream)
        {
            context.Response.ContentType = "text/event-stream; charset=utf-8";
            var chunks = ChatCompletionJson.Chunks(answer, includeUsage: false).ToList();
            foreach (var chunk in chunks.Take(chunks.Count - 1))
            {
                await context.Response.Body.WriteAsync("data: "u8.ToArray(), cancellationToken);
                await context.Response.Body.WriteAsync(chunk, cancellationToken);
                await context.Response.Body.WriteAsync("\n\n"u8.ToArray(), cancellationToken);
                await context.Response.Body.FlushAsync(cancellationToken);
            }
        }
        else
        {
            var json = ChatCompletionJson.Completion(answer);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = json.Length;
            await context.Response.Body.WriteAsync(json.AsMemory(0, json.Length / 2), cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }

        // Let the client read what was sent, then drop the connection as a failing provider or proxy would.
        await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        context.Abort();
    }

    private async Task EmbeddingsAsync(HttpContext context)
    {
        var (request, isJsonObject) = await RecordAsync(context, RecordedRequestKind.Embeddings);
        if (!isJsonObject || request.Inputs.Count == 0)
        {
            Remember(_unexpected, request);
            await WriteErrorAsync(context, 400, "An embeddings request needs a JSON body with 'input'.", context.RequestAborted);
            return;
        }

        await WriteJsonAsync(context, StatusCodes.Status200OK, EmbeddingsJson.Write(request), context.RequestAborted);
    }

    private static Task ModelsAsync(HttpContext context) => WriteJsonAsync(context, StatusCodes.Status200OK, JsonBytes.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("object", "list");
        writer.WriteStartArray("data");
        foreach (var model in new[] { "gpt-4o-mini", "gpt-4o", "text-embedding-3-small" })
        {
            writer.WriteStartObject();
            writer.WriteString("id", model);
            writer.WriteString("object", "model");
            writer.WriteNumber("created", 1_700_000_000);
            writer.WriteString("owned_by", "scripted");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }), context.RequestAborted);

    private async Task UnknownAsync(HttpContext context)
    {
        var (request, _) = await RecordAsync(context, RecordedRequestKind.Unknown);
        Remember(_unexpected, request);
        await WriteErrorAsync(context, 404, $"The scripted LLM does not serve {request.Method} {request.Path}. It serves {ServedPaths}.", context.RequestAborted);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string message, CancellationToken cancellationToken, string? code = null)
        => WriteJsonAsync(context, status, OpenAIErrorJson.Write(status, message, code), cancellationToken);

    private static async Task WriteJsonAsync(HttpContext context, int status, byte[] json, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, cancellationToken);
    }
}
