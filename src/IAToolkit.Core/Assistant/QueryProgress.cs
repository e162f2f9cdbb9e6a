using System.Diagnostics;
using System.Text.Json;
using IAToolkit.Assistant.Conversations;
using IAToolkit.Assistant.Tools;
using IAToolkit.Companies;
using IAToolkit.Diagnostics;
using Microsoft.Extensions.AI;

namespace IAToolkit.Assistant;

/// <summary>
/// What one question accumulates on its way: its clock, its span, the tokens and tool calls so far, the model once
/// chosen, and whether its outcome was recorded (exactly once: the query log row, the span's closing tags and the
/// metrics).
/// </summary>
internal sealed class QueryProgress : IDisposable
{
    // What the HTTP layer answers for an unexpected exception; not an error code of ErrorCodes, since no caller acts on it.
    private const string InternalError = "internal_error";

    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public QueryProgress(QueryRequest request)
    {
        Request = request;
        Company = request.Company;
        LoggedQuestion = request.PromptName is null ? request.Question ?? string.Empty : $"{request.PromptName} {JsonSerializer.Serialize(request.ClientData)}";
        Model = request.Model ?? Company.Configuration.Llm.Model;
        Tools = new ToolRun(Company, request.User, request.Services, request.PublicBaseUrl);

        // Named as OpenTelemetry's gen-ai conventions name an agent's run (invoke_agent {agent}); the operation name stays
        // iatoolkit.query for listeners. Besides following the convention, the name tells Microsoft.Extensions.AI's
        // function-invoking client that this span groups the question's model and tool calls, so they become its
        // direct children instead of children of an extra orchestrate_tools span.
        Activity = Telemetry.Source.StartActivity(Telemetry.QuerySpanName, ActivityKind.Internal);
        if (Activity is not null)
        {
            Activity.DisplayName = $"{Telemetry.InvokeAgentOperation} {Company.ShortName}";
            Activity.SetTag(Telemetry.CompanyTag, Company.ShortName);
            Activity.SetTag(Telemetry.GenAIOperationNameTag, Telemetry.InvokeAgentOperation);
            Activity.SetTag(Telemetry.GenAIAgentNameTag, Company.ShortName);
            Activity.SetTag(Telemetry.GenAIProviderNameTag, Company.Configuration.Llm.Provider.ToString().ToLowerInvariant());
            Activity.SetTag(Telemetry.GenAIRequestModelTag, Model);
        }
    }

    public QueryRequest Request { get; }

    public Company Company { get; }

    /// <summary>The question as the query log shows it: the text, or the prompt's name and its data.</summary>
    public string LoggedQuestion { get; }

    /// <summary>The model: the request's or the company's, then the configured spelling once the client is chosen.</summary>
    public string Model { get; private set; }

    public ToolRun Tools { get; }

    public UsageDetails Usage { get; } = new();

    /// <summary>The conversation the question continues, once loaded.</summary>
    public ConversationState? Conversation { get; set; }

    /// <summary>The question as the model reads it (the rendered prompt, the attached files), once built.</summary>
    public string? UserText { get; set; }

    /// <summary>The question's span, or null when nobody listens.</summary>
    public Activity? Activity { get; }

    public TimeSpan Elapsed => _watch.Elapsed;

    /// <summary>Whether the outcome was recorded; a question abandoned before that is a client that went away.</summary>
    public bool Recorded { get; private set; }

    /// <summary>Whether an unexpected exception ended the question (the host reports it; the query log does not).</summary>
    public bool Failed { get; private set; }

    public int InputTokens => (int)(Usage.InputTokenCount ?? 0);

    public int OutputTokens => (int)(Usage.OutputTokenCount ?? 0);

    public void UseModel(string model, string providerName)
    {
        Model = model;
        Activity?.SetTag(Telemetry.GenAIRequestModelTag, model);
        Activity?.SetTag(Telemetry.GenAIProviderNameTag, providerName);
    }

    /// <summary>
    /// Puts the question's span back as the current one: after a <c>yield</c> the iterator resumes in its consumer's
    /// context, and the spans of what follows (model calls, tools, database) must still be the question's children.
    /// </summary>
    public void Resume()
    {
        if (Activity is not null)
        {
            Activity.Current = Activity;
        }
    }

    /// <summary>Closes the span's tags and records the metrics of the outcome, once.</summary>
    public QueryRecord Complete(string? responseId, string? answer, string outcome, string? error)
    {
        Recorded = true;
        var elapsed = _watch.Elapsed;
        var company = new KeyValuePair<string, object?>(Telemetry.CompanyTag, Company.ShortName);
        var outcomeTag = new KeyValuePair<string, object?>(Telemetry.OutcomeTag, outcome);
        Telemetry.Queries.Add(1, company, outcomeTag);
        Telemetry.QueryDuration.Record(elapsed.TotalSeconds, company, outcomeTag);
        var model = new KeyValuePair<string, object?>(Telemetry.GenAIRequestModelTag, Model);
        if (InputTokens > 0)
        {
            Telemetry.Tokens.Add(InputTokens, company, model, new(Telemetry.GenAITokenTypeTag, "input"));
        }

        if (OutputTokens > 0)
        {
            Telemetry.Tokens.Add(OutputTokens, company, model, new(Telemetry.GenAITokenTypeTag, "output"));
        }

        if (error is not null)
        {
            Telemetry.Errors.Add(1, company, new(Telemetry.ErrorTypeTag, outcome));
        }

        if (Activity is not null)
        {
            Activity.SetTag(Telemetry.OutcomeTag, outcome);
            Activity.SetTag(Telemetry.ResponseIdTag, responseId);
            Activity.SetTag(Telemetry.GenAIInputTokensTag, InputTokens);
            Activity.SetTag(Telemetry.GenAIOutputTokensTag, OutputTokens);
            if (error is not null)
            {
                Activity.SetTag(Telemetry.ErrorTypeTag, outcome);
                Activity.SetStatus(ActivityStatusCode.Error, error);
            }
        }

        return new QueryRecord(Request.User.UserIdentifier, responseId, Model, LoggedQuestion, Request.PromptName, answer, outcome, error, InputTokens, OutputTokens, elapsed, Tools.Calls);
    }

    /// <summary>Marks the span and the metrics of a question an unexpected exception ended; there is no query log row for it.</summary>
    public void Fail(Exception exception)
    {
        Failed = true;
        var company = new KeyValuePair<string, object?>(Telemetry.CompanyTag, Company.ShortName);
        var outcome = new KeyValuePair<string, object?>(Telemetry.OutcomeTag, InternalError);
        Telemetry.Queries.Add(1, company, outcome);
        Telemetry.QueryDuration.Record(_watch.Elapsed.TotalSeconds, company, outcome);
        Telemetry.Errors.Add(1, company, new(Telemetry.ErrorTypeTag, InternalError));
        if (Activity is not null)
        {
            Activity.SetTag(Telemetry.OutcomeTag, InternalError);
            Activity.SetTag(Telemetry.ErrorTypeTag, exception.GetType().FullName);
            Activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        }
    }

    public void Dispose() => Activity?.Dispose();
}
