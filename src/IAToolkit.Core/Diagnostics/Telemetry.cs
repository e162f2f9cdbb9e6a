using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IAToolkit.Diagnostics;

/// <summary>
/// The framework's spans and instruments. Core depends only on System.Diagnostics: nothing is collected or exported
/// unless a listener (the OpenTelemetry SDK, a test's exporter) subscribes to <see cref="IAToolkitTelemetry.Name"/>.
/// Every instrument carries the company's short name as <c>iatoolkit.company</c>.
/// </summary>
internal static class Telemetry
{
    /// <summary>The tag naming the company (its short name).</summary>
    public const string CompanyTag = "iatoolkit.company";

    /// <summary>The tag naming an outcome: <c>ok</c>, <c>incomplete</c> or an error code.</summary>
    public const string OutcomeTag = "iatoolkit.outcome";

    /// <summary>The operation name of a question's span (its display name follows the gen-ai conventions: <c>invoke_agent {company}</c>).</summary>
    public const string QuerySpanName = "iatoolkit.query";

    /// <summary>The tag with the response id a question's answer continues from.</summary>
    public const string ResponseIdTag = "iatoolkit.response_id";

    /// <summary>The gen-ai operation of a question: an agent's run, whose children are its model and tool calls.</summary>
    public const string InvokeAgentOperation = "invoke_agent";

    /// <summary>OpenTelemetry gen-ai tag: the operation.</summary>
    public const string GenAIOperationNameTag = "gen_ai.operation.name";

    /// <summary>OpenTelemetry gen-ai tag: the agent (the company's assistant, by the company's short name).</summary>
    public const string GenAIAgentNameTag = "gen_ai.agent.name";

    /// <summary>OpenTelemetry gen-ai tag: the provider, as Microsoft.Extensions.AI names it (<c>openai</c>).</summary>
    public const string GenAIProviderNameTag = "gen_ai.provider.name";

    /// <summary>OpenTelemetry gen-ai tag: the model asked for.</summary>
    public const string GenAIRequestModelTag = "gen_ai.request.model";

    /// <summary>OpenTelemetry gen-ai tag: input tokens (on a question's span, the sum of its model calls).</summary>
    public const string GenAIInputTokensTag = "gen_ai.usage.input_tokens";

    /// <summary>OpenTelemetry gen-ai tag: output tokens (on a question's span, the sum of its model calls).</summary>
    public const string GenAIOutputTokensTag = "gen_ai.usage.output_tokens";

    /// <summary>OpenTelemetry gen-ai tag on token metrics: <c>input</c> or <c>output</c>.</summary>
    public const string GenAITokenTypeTag = "gen_ai.token.type";

    /// <summary>The tag naming a knowledge source of the company (<c>document_sources</c> in company.yaml).</summary>
    public const string SourceTag = "iatoolkit.knowledge.source";

    /// <summary>The OpenTelemetry tag for what failed: an error code, a SQLSTATE or the exception's type.</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>The spans: a query, each model call (through Microsoft.Extensions.AI's OpenTelemetry client), each tool call, each search, each ingested document.</summary>
    public static readonly ActivitySource Source = new(IAToolkitTelemetry.Name, IAToolkitVersion.Current);

    /// <summary>The meter all instruments below belong to.</summary>
    public static readonly Meter Meter = new(IAToolkitTelemetry.Name, IAToolkitVersion.Current);

    /// <summary>Questions answered or failed, tagged with company and outcome.</summary>
    public static readonly Counter<long> Queries = Meter.CreateCounter<long>("iatoolkit.queries", "{query}", "Questions asked, by company and outcome.");

    /// <summary>How long a question took end to end.</summary>
    public static readonly Histogram<double> QueryDuration = Meter.CreateHistogram<double>("iatoolkit.query.duration", "s", "Time to answer a question, by company and outcome.");

    /// <summary>Tokens spent, tagged with company, model and <c>gen_ai.token.type</c> (<c>input</c> or <c>output</c>).</summary>
    public static readonly Counter<long> Tokens = Meter.CreateCounter<long>("iatoolkit.tokens", "{token}", "Model tokens used, by company, model and type.");

    /// <summary>Tool calls, tagged with company, <c>gen_ai.tool.name</c> and outcome.</summary>
    public static readonly Counter<long> ToolCalls = Meter.CreateCounter<long>("iatoolkit.tool_calls", "{call}", "Tool calls made by the model, by company, tool and outcome.");

    /// <summary>How long a tool call took.</summary>
    public static readonly Histogram<double> ToolCallDuration = Meter.CreateHistogram<double>("iatoolkit.tool_call.duration", "s", "Time spent in a tool call, by company and tool.");

    /// <summary>Errors answered to a caller, tagged with company and <c>error.type</c> (the error code).</summary>
    public static readonly Counter<long> Errors = Meter.CreateCounter<long>("iatoolkit.errors", "{error}", "Errors by company and code.");

    /// <summary>How long a knowledge base search took (the SQL statement, not the query's embedding), by company.</summary>
    public static readonly Histogram<double> SearchDuration = Meter.CreateHistogram<double>("iatoolkit.search.duration", "s", "Time to search a knowledge base, by company.");

    /// <summary>Documents the loader or an upload went through, tagged with company, source, format and outcome (<c>new</c>, <c>changed</c>, <c>unchanged</c> or an error code).</summary>
    public static readonly Counter<long> DocumentsIngested = Meter.CreateCounter<long>("iatoolkit.documents.ingested", "{document}", "Documents loaded or uploaded, by company, source, format and outcome.");
}
