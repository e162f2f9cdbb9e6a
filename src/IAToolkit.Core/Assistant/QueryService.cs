using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using IAToolkit.Answers;
using IAToolkit.Assistant.Context;
using IAToolkit.Assistant.Conversations;
using IAToolkit.Assistant.Llm;
using IAToolkit.Assistant.Prompts;
using IAToolkit.Assistant.Tools;
using IAToolkit.Companies;
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
    private readonly ILoggerFactory _loggerFactory;
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
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<QueryService>();
    }

    /// <summary>Starts a new conversation (init-context); returns its response id and the model it will use.</summary>
    public async Task<(string ResponseId, string Model)> StartConversationAsync(Company company, CompanyUserInfo user, string? model, CancellationToken cancellationToken)
    {
        var client = _clients.GetClient(company, model);
        return (await _turns.StartAsync(company, user.UserIdentifier, client.Model, cancellationToken), client.Model);
    }

    /// <summary>Answers a question.</summary>
    public Task<QueryAnswer> AskAsync(QueryRequest request, CancellationToken cancellationToken)
        => RunAsync(request, null, cancellationToken);

    /// <summary>Answers a question as a stream of events, ending with <see cref="QueryCompleted"/>; failures are thrown by the enumeration.</summary>
    public async IAsyncEnumerable<QueryEvent> StreamAsync(QueryRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<QueryEvent>(new UnboundedChannelOptions { SingleReader = true });
        var run = Task.Run(
            async () =>
            {
                try
                {
                    var answer = await RunAsync(request, e => channel.Writer.WriteAsync(e, cancellationToken), cancellationToken);
                    await channel.Writer.WriteAsync(new QueryCompleted(answer), cancellationToken);
                    channel.Writer.Complete();
                }
                catch (Exception ex)
                {
                    channel.Writer.Complete(ex);
                }
            },
            cancellationToken);

        await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
        {
            yield return item;
        }

        await run;
    }

    private async Task<QueryAnswer> RunAsync(QueryRequest request, Func<QueryEvent, ValueTask>? onEvent, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var company = request.Company;
        var options = _options.Value;
        var loggedQuestion = request.PromptName is null ? request.Question ?? string.Empty : $"{request.PromptName} {JsonSerializer.Serialize(request.ClientData)}";
        var model = request.Model ?? company.Configuration.Llm.Model;
        var run = new ToolRun(company, request.User, request.Services, request.PublicBaseUrl);
        var usage = new UsageDetails();
        try
        {
            var client = _clients.GetClient(company, request.Model);
            model = client.Model;
            var state = await _turns.LoadAsync(company, request.User.UserIdentifier, request.ResponseId, model, cancellationToken);
            var userText = await UserTextAsync(request);
            var messages = await MessagesAsync(company, request.User, state.History, userText, options.HistoryTokenBudget, cancellationToken);
            var chatOptions = new ChatOptions { ModelId = model, Tools = _tools.For(run), ToolMode = ChatToolMode.Auto };
            using var invoking = new FunctionInvokingChatClient(client.Client, _loggerFactory, request.Services) { MaximumIterationsPerRequest = options.MaxToolIterations };
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(options.RequestTimeout);

            string text;
            try
            {
                text = onEvent is null
                    ? await CompleteAsync(invoking, messages, chatOptions, usage, limit.Token)
                    : await StreamAsync(invoking, messages, chatOptions, usage, onEvent, run, limit.Token);
            }
            catch (Exception ex) when (ex is not IAToolkitException && !cancellationToken.IsCancellationRequested)
            {
                // Only our own time limit is a timeout; a client that went away is handled below.
                throw LlmFailures.Translate(ex, company, model, options.RequestTimeout);
            }

            var decoded = AnswerDecoder.Decode(text);
            var valid = decoded.Answer.Length > 0;
            var answerText = valid ? decoded.Answer : "The assistant could not complete an answer within its allowed steps. Try a narrower question.";
            var responseId = await _turns.AppendAsync(company, request.User.UserIdentifier, state, userText, answerText, model, cancellationToken);
            var answer = new QueryAnswer
            {
                Answer = answerText,
                AnswerHtml = _renderer.ToSafeHtml(answerText),
                ResponseId = responseId,
                ValidResponse = valid,
                AdditionalData = decoded.AdditionalData,
                Model = model,
                PromptTokens = (int)(usage.InputTokenCount ?? 0),
                CompletionTokens = (int)(usage.OutputTokenCount ?? 0),
                Duration = watch.Elapsed,
                ToolCalls = run.Calls,
            };
            await _log.RecordAsync(company, Record(request, loggedQuestion, answer.ResponseId, model, answerText, valid ? "ok" : "incomplete", null, usage, watch.Elapsed, run));
            return answer;
        }
        catch (IAToolkitException ex)
        {
            await _log.RecordAsync(company, Record(request, loggedQuestion, null, model, null, ex.Code, ex.Message, usage, watch.Elapsed, run));
            throw;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not IAToolkitException)
        {
            // The caller disconnected: not a failure of the model or of the host, and nobody is left to answer.
            ClientCanceled(_logger, company.ShortName, (long)watch.Elapsed.TotalMilliseconds);
            await _log.RecordAsync(company, Record(request, loggedQuestion, null, model, null, ErrorCodes.ClientCanceled, "The client went away before the answer was complete.", usage, watch.Elapsed, run));
            throw;
        }
    }

    private static async Task<string> CompleteAsync(FunctionInvokingChatClient client, List<ChatMessage> messages, ChatOptions options, UsageDetails usage, CancellationToken cancellationToken)
    {
        var response = await client.GetResponseAsync(messages, options, cancellationToken);
        if (response.Usage is not null)
        {
            usage.Add(response.Usage);
        }

        return response.Text;
    }

    private static async Task<string> StreamAsync(FunctionInvokingChatClient client, List<ChatMessage> messages, ChatOptions options, UsageDetails usage, Func<QueryEvent, ValueTask> onEvent, ToolRun run, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var reported = 0;
        await foreach (var update in client.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            foreach (var content in update.Contents)
            {
                switch (content)
                {
                    case TextContent { Text.Length: > 0 } delta:
                        text.Append(delta.Text);
                        await onEvent(new AnswerDelta(delta.Text));
                        break;
                    case FunctionCallContent call:
                        // The text before a tool call was the model thinking aloud, not the answer.
                        text.Clear();
                        await onEvent(new ToolCallRequested(call.Name, JsonSerializer.SerializeToElement(call.Arguments ?? new Dictionary<string, object?>(), ToolCallRecord.JsonOptions)));
                        break;
                    case FunctionResultContent:
                        var calls = run.Calls;
                        for (; reported < calls.Count; reported++)
                        {
                            await onEvent(new ToolCallCompleted(calls[reported]));
                        }

                        break;
                    case UsageContent used:
                        usage.Add(used.Details);
                        break;
                }
            }
        }

        return text.ToString();
    }

    private async Task<string> UserTextAsync(QueryRequest request)
    {
        var text = new StringBuilder();
        if (request.PromptName is not null)
        {
            text.Append(await _prompts.RenderAsync(request.Company, request.PromptName, request.ClientData, request.User));
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

    private async Task<List<ChatMessage>> MessagesAsync(Company company, CompanyUserInfo user, IReadOnlyList<Turn> history, string userText, int budget, CancellationToken cancellationToken)
    {
        // Fixed order: company prefix (shared by all its users), the user, then history and the question.
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, await _context.CompanyPrefixAsync(company, cancellationToken)),
            new(ChatRole.System, ContextBuilder.DescribeUser(user)),
        };
        var kept = new List<Turn>();
        var spent = 0;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            spent += TokenCounter.Count(history[i].Question) + TokenCounter.Count(history[i].Answer);
            if (spent > budget)
            {
                break;
            }

            kept.Insert(0, history[i]);
        }

        foreach (var turn in kept)
        {
            messages.Add(new ChatMessage(ChatRole.User, turn.Question));
            messages.Add(new ChatMessage(ChatRole.Assistant, turn.Answer));
        }

        messages.Add(new ChatMessage(ChatRole.User, userText));
        return messages;
    }

    private static QueryRecord Record(QueryRequest request, string question, string? responseId, string model, string? answer, string outcome, string? error, UsageDetails usage, TimeSpan duration, ToolRun run)
        => new(request.User.UserIdentifier, responseId, model, question, request.PromptName, answer, outcome, error, (int)(usage.InputTokenCount ?? 0), (int)(usage.OutputTokenCount ?? 0), duration, run.Calls);

    [LoggerMessage(2601, LogLevel.Information, "A question to company {Company} was canceled by its client after {ElapsedMs} ms")]
    private static partial void ClientCanceled(ILogger logger, string company, long elapsedMs);
}
