using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using IAToolkit.Answers;
using IAToolkit.Assistant.Context;
using IAToolkit.Assistant.Conversations;
using IAToolkit.Assistant.Llm;
using IAToolkit.Assistant.Prompts;
using IAToolkit.Assistant.Tools;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IAToolkit.Assistant;

/// <summary>
/// One question, end to end: the conversation, the context (in a fixed order, so its prefix is byte-identical from
/// turn to turn and provider prompt caches hit), the model with its tools, the answer, the turn and the query log.
/// </summary>
internal sealed partial class QueryService
{
    private readonly ChatClientProvider _clients;
    private readonly ContextBuilder _context;
    private readonly PromptRenderer _prompts;
    private readonly TurnStore _turns;
    private readonly QueryLogStore _log;
    private readonly ToolSet _tools;
    private readonly AnswerRenderer _renderer;
    private readonly IOptions<AssistantOptions> _options;
    private readonly TokenBudgetChatReducer _history;
    private readonly ILogger<QueryService> _logger;

    public QueryService(
        ChatClientProvider clients,
        ContextBuilder context,
        PromptRenderer prompts,
        TurnStore turns,
        QueryLogStore log,
        ToolSet tools,
        AnswerRenderer renderer,
        IOptions<AssistantOptions> options,
        ILoggerFactory loggerFactory)
    {
        _clients = clients;
        _context = context;
        _prompts = prompts;
        _turns = turns;
        _log = log;
        _tools = tools;
        _renderer = renderer;
        _options = options;
        _history = new TokenBudgetChatReducer(options.Value.HistoryTokenBudget);
        _logger = loggerFactory.CreateLogger<QueryService>();
    }

    /// <summary>Starts a new conversation (init-context); returns its response id and the model it will use.</summary>
    public async Task<(string ResponseId, string Model)> StartConversationAsync(Company company, CompanyUserInfo user, string? model, CancellationToken cancellationToken)
    {
        var client = _clients.GetClient(company, model);
        return (await _turns.StartAsync(company, user.UserIdentifier, client.Model, cancellationToken), client.Model);
    }

    /// <summary>Answers a question: the stream of <see cref="StreamAsync"/>, read to its end.</summary>
    public async Task<QueryAnswer> AskAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        await foreach (var item in StreamAsync(request, cancellationToken))
        {
            if (item is QueryCompleted completed)
            {
                return completed.Answer;
            }
        }

        throw new InvalidOperationException("The answer stream ended without its answer.");
    }

    /// <summary>
    /// Answers a question as a stream of events, ending with <see cref="QueryCompleted"/>; failures are thrown by the
    /// enumeration. A consumer that stops reading before the end is a client that went away, and is logged as such.
    /// </summary>
    public async IAsyncEnumerable<QueryEvent> StreamAsync(QueryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var progress = new QueryProgress(request);
        try
        {
            var options = _options.Value;
            var (client, messages, chatOptions) = await GuardAsync(progress, () => PrepareAsync(progress, cancellationToken), false, cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(options.RequestTimeout);
            var text = new StringBuilder();
            var reported = 0;
            await using (var updates = client.GetStreamingResponseAsync(messages, chatOptions, limit.Token).GetAsyncEnumerator(limit.Token))
            {
                while (await GuardAsync(progress, () => updates.MoveNextAsync().AsTask(), true, cancellationToken))
                {
                    foreach (var content in updates.Current.Contents)
                    {
                        switch (content)
                        {
                            case TextContent { Text.Length: > 0 } delta:
                                text.Append(delta.Text);
                                yield return new AnswerDelta(delta.Text);
                                break;
                            case FunctionCallContent call:
                                // The text before a tool call was the model thinking aloud, not the answer.
                                text.Clear();
                                yield return new ToolCallRequested(call.Name, JsonSerializer.SerializeToElement(call.Arguments ?? new Dictionary<string, object?>(), ToolCallRecord.JsonOptions));
                                break;
                            case FunctionResultContent:
                                var calls = progress.Tools.Calls;
                                for (; reported < calls.Count; reported++)
                                {
                                    yield return new ToolCallCompleted(calls[reported]);
                                }

                                break;
                            case UsageContent used:
                                progress.Usage.Add(used.Details);
                                break;
                        }

                        progress.Resume();
                    }
                }
            }

            var answer = await GuardAsync(progress, () => FinishAsync(progress, text.ToString(), cancellationToken), false, cancellationToken);
            yield return new QueryCompleted(answer);
        }
        finally
        {
            if (!progress.Recorded && !progress.Failed)
            {
                // The consumer stopped reading (the client went away while an event was being sent): nobody is left to answer.
                await ClientWentAwayAsync(progress);
            }
        }
    }

    private async Task<(IChatClient Client, List<ChatMessage> Messages, ChatOptions Options)> PrepareAsync(QueryProgress progress, CancellationToken cancellationToken)
    {
        var request = progress.Request;
        var company = progress.Company;
        var prompt = request.PromptName is null ? null : company.Configuration.Prompts.FirstOrDefault(p => p.Name == request.PromptName);
        var client = _clients.GetClient(company, request.Model ?? prompt?.LlmModel);
        progress.UseModel(client.Model, client.ProviderName);
        var state = await _turns.LoadAsync(company, request.User.UserIdentifier, request.ResponseId, client.Model, cancellationToken);
        progress.Conversation = state;
        progress.UserText = await UserTextAsync(request, prompt);
        var messages = await MessagesAsync(company, request.User, state.History, progress.UserText, cancellationToken);

        // The tools are this question's: created for it, handed to the shared pipeline only through its options.
        // A prompt's tool_policy (explicit) narrows them to the tools it names; with none left, the model gets no tools.
        var tools = _tools.For(progress.Tools);
        if (prompt?.ToolNames is { } names)
        {
            tools = [.. tools.Where(t => names.Contains(t.Name, StringComparer.Ordinal))];
        }

        var chatOptions = new ChatOptions
        {
            ModelId = client.Model,
            Tools = tools.Count > 0 ? tools : null,
            ToolMode = tools.Count > 0 ? ChatToolMode.Auto : null,
            Reasoning = ReasoningChoice.ToOptions(request.ReasoningEffort ?? prompt?.ReasoningEffort ?? company.Configuration.Llm.ReasoningEffort),
        };
        return (client.Client, messages, chatOptions);
    }

    private async Task<QueryAnswer> FinishAsync(QueryProgress progress, string text, CancellationToken cancellationToken)
    {
        var request = progress.Request;
        var decoded = AnswerDecoder.Decode(text);
        var valid = decoded.Answer.Length > 0;
        var answerText = valid ? decoded.Answer : "The assistant could not complete an answer within its allowed steps. Try a narrower question.";
        var responseId = await _turns.AppendAsync(progress.Company, request.User.UserIdentifier, progress.Conversation!, progress.UserText!, answerText, progress.Model, cancellationToken);
        var answer = new QueryAnswer
        {
            Answer = answerText,
            AnswerHtml = _renderer.ToSafeHtml(answerText),
            ResponseId = responseId,
            ValidResponse = valid,
            AdditionalData = decoded.AdditionalData,
            Model = progress.Model,
            PromptTokens = progress.InputTokens,
            CompletionTokens = progress.OutputTokens,
            Duration = progress.Elapsed,
            ToolCalls = progress.Tools.Calls,
            Citations = Citations.Select(answerText, progress.Tools.Passages),
        };
        await _log.RecordAsync(progress.Company, progress.Complete(responseId, answerText, valid ? "ok" : "incomplete", null));
        return answer;
    }

    /// <summary>
    /// Runs one step of a question and records its failure: an <see cref="IAToolkitException"/> as its code, anything
    /// while the caller is gone as a client that went away. A failure of the model call (<paramref name="modelCall"/>)
    /// becomes an error the caller can act on first; only our own time limit is a timeout.
    /// </summary>
    private async Task<T> GuardAsync<T>(QueryProgress progress, Func<Task<T>> step, bool modelCall, CancellationToken cancellationToken)
    {
        progress.Resume();
        try
        {
            try
            {
                return await step();
            }
            catch (Exception ex) when (modelCall && ex is not IAToolkitException && !cancellationToken.IsCancellationRequested)
            {
                throw LlmFailures.Translate(ex, progress.Company, progress.Model, _options.Value.RequestTimeout);
            }
        }
        catch (IAToolkitException ex)
        {
            await _log.RecordAsync(progress.Company, progress.Complete(null, null, ex.Code, ex.Message));
            throw;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not IAToolkitException)
        {
            await ClientWentAwayAsync(progress);
            throw;
        }
        catch (Exception ex) when (!progress.Recorded)
        {
            progress.Fail(ex);
            throw;
        }
    }

    private async Task ClientWentAwayAsync(QueryProgress progress)
    {
        // Not a failure of the model or of the host, and nobody is left to answer.
        ClientCanceled(_logger, progress.Company.ShortName, (long)progress.Elapsed.TotalMilliseconds);
        await _log.RecordAsync(progress.Company, progress.Complete(null, null, ErrorCodes.ClientCanceled, "The client went away before the answer was complete."));
    }

    private async Task<string> UserTextAsync(QueryRequest request, PromptDefinition? prompt)
    {
        var text = new StringBuilder();
        if (request.PromptName is not null)
        {
            text.Append(await _prompts.RenderAsync(request.Company, request.PromptName, request.ClientData, request.User));
            if (prompt?.OutputSchema is { } schema)
            {
                // The answer decoder splits this reply into the answer and additional_data (AnswerDecoder).
                text.Append("\n\nReply with one JSON object and nothing else: {\"answer\": \"<your answer, in Markdown>\", ")
                    .Append("\"additional_data\": <the data>}, where the data follows this JSON schema:\n```json\n")
                    .Append(schema.GetRawText())
                    .Append("\n```");
            }
        }
        else
        {
            text.Append(request.Question);
        }

        foreach (var file in request.Files)
        {
            text.Append("\n\n## Attached file: ").Append(file.Name).Append("\n```\n").Append(file.Text).Append("\n```");
        }

        return text.ToString();
    }

    private async Task<List<ChatMessage>> MessagesAsync(Company company, CompanyUserInfo user, IReadOnlyList<Turn> history, string userText, CancellationToken cancellationToken)
    {
        // Fixed order: company prefix (shared by all its users), the user, then history and the question.
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, await _context.CompanyPrefixAsync(company, cancellationToken)),
            new(ChatRole.System, ContextBuilder.DescribeUser(user)),
        };
        foreach (var turn in history)
        {
            messages.Add(new CountedChatMessage(ChatRole.User, turn.Question, turn.QuestionTokens));
            messages.Add(new CountedChatMessage(ChatRole.Assistant, turn.Answer, turn.AnswerTokens));
        }

        messages.Add(new ChatMessage(ChatRole.User, userText));
        return [.. await _history.ReduceAsync(messages, cancellationToken)];
    }

    [LoggerMessage(2601, LogLevel.Information, "A question to company {Company} was canceled by its client after {ElapsedMs} ms")]
    private static partial void ClientCanceled(ILogger logger, string company, long elapsedMs);
}
