using System.Text;
using IAToolkit.AspNet.Links;
using IAToolkit.AspNet.Security;
using IAToolkit.AspNet.Tenancy;
using IAToolkit.Assistant;
using IAToolkit.Assistant.Llm;
using IAToolkit.Companies;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>
/// The assistant's API: <c>init-context</c>, <c>llm_query</c> (JSON, or Server-Sent Events with
/// <c>Accept: text/event-stream</c>), <c>history</c> and <c>feedback</c>, under <c>/api/{c}</c> and the Python
/// project's <c>/{c}/api</c>. Session or API key of that company.
/// </summary>
internal static class AssistantEndpoints
{
    /// <summary>Questions may carry a few small text files inline.</summary>
    private const long QueryBodyLimit = 2 * 1024 * 1024;

    private const int MaxQuestionLength = 20_000;
    /// <summary>As many files as one question may carry (the chat page refuses more before uploading).</summary>
    internal const int MaxFiles = 5;
    private const int MaxFileBytes = 256 * 1024;

    public static void MapAssistantApis(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (prefix, suffix) in new[] { ("/api/{c}", string.Empty), ("/{c}/api", "PythonPath") })
        {
            var api = endpoints.MapCompanyApiGroup(prefix).WithTags("Assistant");
            api.MapPost("/init-context", InitAsync).WithName("InitContext" + suffix).WithSummary("Starts a new conversation and returns its response_id.");
            api.MapPost("/llm_query", QueryAsync)
                .LimitedPerCaller(LimitedOperation.Query)
                .WithMetadata(new BodySizeLimit(QueryBodyLimit))
                .WithName("LlmQuery" + suffix)
                .WithSummary("Answers a question or runs a prompt; streams Server-Sent Events with Accept: text/event-stream.")
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status429TooManyRequests)
                .ProducesProblem(StatusCodes.Status502BadGateway)
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
                .ProducesProblem(StatusCodes.Status504GatewayTimeout);
            api.MapGet("/history", (RouteCompany route, HttpContext http, string? user_identifier, QueryLogStore log, CancellationToken ct) => HistoryAsync(route, http, user_identifier, log, ct))
                .WithName("GetHistory" + suffix).WithSummary("The caller's latest questions, newest first.");
            api.MapPost("/history", (RouteCompany route, HttpContext http, HistoryRequest? body, QueryLogStore log, CancellationToken ct) => HistoryAsync(route, http, body?.UserIdentifier, log, ct))
                .WithName("PostHistory" + suffix);
            api.MapPost("/feedback", FeedbackEndpoint.PostAsync).WithName("Feedback" + suffix).WithSummary("Stores the user's rating and comment and forwards it as company.yaml says.");
        }

        endpoints.MapCompanyApiGroup("/api/{c}").WithTags("Assistant")
            .MapGet("/downloads/{token}", DownloadEndpoint.GetAsync)
            .WithName("Download")
            .WithSummary("A file the assistant generated for the caller (e.g. an Excel sheet); it expires.");
    }

    private static async Task<JsonHttpResult<InitContextResponse>> InitAsync(RouteCompany route, HttpContext http, InitContextRequest? body, QueryService queries, CancellationToken cancellationToken)
    {
        var chosen = ModelChoice.Resolve(route.Company, body?.Model);
        var user = await CallerIdentity.ResolveAsync(http, route.Company, body?.UserIdentifier, cancellationToken);
        var (responseId, model) = await queries.StartConversationAsync(route.Company, user, chosen, cancellationToken);
        return TypedResults.Json(new InitContextResponse("OK", "A new conversation has started.", responseId, model), ApiJson.Options);
    }

    private static async Task<IResult> QueryAsync(RouteCompany route, HttpContext http, LlmQueryRequest body, QueryService queries, FileStore files, CancellationToken cancellationToken)
    {
        var request = new QueryRequest
        {
            Company = route.Company,
            User = await CallerIdentity.ResolveAsync(http, route.Company, body.UserIdentifier, cancellationToken),
            Question = Validate(body),
            PromptName = string.IsNullOrWhiteSpace(body.PromptName) ? null : body.PromptName.Trim(),
            ClientData = body.ClientData ?? [],
            // Checked here, before a stream starts, so a wrong model is a 400 and not an error event.
            Model = ModelChoice.Resolve(route.Company, body.Model),
            ResponseId = string.IsNullOrWhiteSpace(body.ResponseId) ? null : body.ResponseId.Trim(),
            Files = await FilesAsync(route.Company, http, body, files),
            Services = http.RequestServices,
            PublicBaseUrl = http.RequestServices.GetRequiredService<PublicUrls>().Base,
        };

        if (http.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            await ServerSentEvents.WriteAsync(http, queries.StreamAsync(request, cancellationToken), cancellationToken);
            return Results.Empty;
        }

        return TypedResults.Json(LlmQueryResponse.From(await queries.AskAsync(request, cancellationToken)), ApiJson.Options);
    }

    private static async Task<JsonHttpResult<HistoryResponse>> HistoryAsync(RouteCompany route, HttpContext http, string? userIdentifier, QueryLogStore log, CancellationToken cancellationToken)
    {
        var user = CallerIdentity.Identifier(http, userIdentifier);
        var items = await log.HistoryAsync(route.Company, user, 100, cancellationToken);
        return TypedResults.Json(new HistoryResponse(items.Count == 0 ? "empty history" : "history loaded ok", items), ApiJson.Options);
    }

    private static string? Validate(LlmQueryRequest body)
    {
        var question = body.Question?.Trim();
        if (string.IsNullOrEmpty(question) && string.IsNullOrWhiteSpace(body.PromptName))
        {
            throw new IAToolkitException(ErrorCodes.InvalidRequest, "Send a question, or a prompt_name (with its client_data).");
        }

        return question is { Length: > MaxQuestionLength }
            ? throw new IAToolkitException(ErrorCodes.InvalidRequest, $"The question is longer than {MaxQuestionLength} characters.")
            : string.IsNullOrEmpty(question) ? null : question;
    }

    private static async Task<List<QueryFile>> FilesAsync(Company company, HttpContext http, LlmQueryRequest body, FileStore store)
    {
        var files = body.Files;
        if (files is null || files.Count == 0)
        {
            return [];
        }

        if (files.Count > MaxFiles)
        {
            throw new IAToolkitException(ErrorCodes.InvalidRequest, $"At most {MaxFiles} files may go with a question.");
        }

        var result = new List<QueryFile>();
        foreach (var file in files)
        {
            if (!string.IsNullOrWhiteSpace(file.Token))
            {
                var (storedName, storedText) = await store.ReadAsync(company, CallerIdentity.FileOwner(http, body.UserIdentifier), file.Token.Trim());
                result.Add(new QueryFile(storedName, storedText));
                continue;
            }

            var name = file.FileName ?? file.Name ?? "file";
            var base64 = file.Content ?? file.Base64 ?? throw new IAToolkitException(ErrorCodes.InvalidRequest, $"The file '{name}' has no content (base64).");
            var comma = base64.IndexOf(',', StringComparison.Ordinal);
            var bytes = new byte[base64.Length];
            if (!Convert.TryFromBase64String(comma >= 0 && base64.StartsWith("data:", StringComparison.Ordinal) ? base64[(comma + 1)..] : base64, bytes, out var length))
            {
                throw new IAToolkitException(ErrorCodes.InvalidRequest, $"The content of '{name}' is not valid base64.");
            }

            if (length > MaxFileBytes)
            {
                throw new IAToolkitException(ErrorCodes.InvalidRequest, $"The file '{name}' is larger than {MaxFileBytes / 1024} KB inline; upload it to /api/{company.ShortName}/file-store and send its token.");
            }

            string text;
            try
            {
                text = new UTF8Encoding(false, true).GetString(bytes, 0, length);
            }
            catch (DecoderFallbackException)
            {
                throw new IAToolkitException(ErrorCodes.InvalidRequest, $"The file '{name}' is not a UTF-8 text file; upload PDF, DOCX or XLSX documents to /api/{company.ShortName}/file-store and send the token.");
            }

            result.Add(new QueryFile(name, text));
        }

        return result;
    }
}
