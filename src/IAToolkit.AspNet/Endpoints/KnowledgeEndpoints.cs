using System.Runtime.InteropServices;
using System.Security.Claims;
using System.Text.Json.Serialization;
using IAToolkit.AspNet.Security;
using IAToolkit.AspNet.Tenancy;
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
using Microsoft.Extensions.Options;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>
/// The knowledge base's APIs: <c>embedding</c> (a text's vector), <c>file-store</c> (a file for the next question)
/// and <c>documents</c> (add one document to a source). Multipart and JSON bodies are not forms: browsers cannot
/// send them across sites with the SameSite=Lax session, so they need no antiforgery token.
/// </summary>
internal static class KnowledgeEndpoints
{
    private const int MaxEmbeddingText = 8_000;

    // Room for the multipart boundaries and part headers around the file itself.
    private const long MultipartOverhead = 64 * 1024;

    public static void MapKnowledgeApis(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (prefix, suffix) in new[] { ("/api/{c}", string.Empty), ("/{c}/api", "PythonPath") })
        {
            endpoints.MapCompanyApiGroup(prefix).WithTags("Knowledge")
                .MapPost("/embedding", EmbedAsync)
                .LimitedPerCaller(LimitedOperation.Embedding)
                .WithName("Embedding" + suffix)
                .WithSummary("The embedding of a text: base64 of little-endian float32, and the model.");
        }

        // The body limits follow IAToolkit:Knowledge, so a larger configured limit is not cut short by the server.
        var limits = endpoints.ServiceProvider.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
        var api = endpoints.MapCompanyApiGroup("/api/{c}").WithTags("Knowledge");
        api.MapPost("/file-store", StoreFileAsync)
            .LimitedPerCaller(LimitedOperation.FileStore)
            .DisableAntiforgery()
            .WithMetadata(new BodySizeLimit(limits.MaxFileStoreBytes + MultipartOverhead))
            .WithName("FileStore")
            .WithSummary("Keeps a file (multipart field 'file'; with an API key also 'user_identifier') for a later llm_query of the same user: returns a token for its 'files'.");
        api.MapPost("/documents", AddDocumentAsync)
            .DisableAntiforgery()
            .WithMetadata(new BodySizeLimit(limits.MaxDocumentBytes + MultipartOverhead))
            .WithName("AddDocument")
            .WithSummary("Adds or replaces one document (multipart field 'file') in a knowledge source and indexes it (API key only).");
    }

    private static async Task<JsonHttpResult<EmbeddingResponse>> EmbedAsync(RouteCompany route, EmbeddingRequest body, EmbeddingService embeddings, CancellationToken cancellationToken)
    {
        var text = body.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxEmbeddingText)
        {
            throw new IAToolkitException(ErrorCodes.InvalidRequest, $"text is required: 1 to {MaxEmbeddingText} characters.");
        }

        var vector = await embeddings.EmbedQueryAsync(route.Company, text, cancellationToken);
        var bytes = MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The embedding API encodes little-endian float32.");
        }

        return TypedResults.Json(new EmbeddingResponse(Convert.ToBase64String(bytes), embeddings.Describe(route.Company).Name), ApiJson.Options);
    }

    private static async Task<JsonHttpResult<StoredFile>> StoreFileAsync(RouteCompany route, HttpContext http, IFormFile? file, FileStore store, CancellationToken cancellationToken)
    {
        var upload = RequireFile(file);
        // The token is bound to the user: the session's, or the one an API caller names (form field or query string).
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : null;
        var named = form?["user_identifier"].ToString() is { Length: > 0 } field ? field : http.Request.Query["user_identifier"].ToString();
        var owner = CallerIdentity.FileOwner(http, named);
        await using var stream = upload.OpenReadStream();
        return TypedResults.Json(await store.SaveAsync(route.Company, owner, Path.GetFileName(upload.FileName), stream, cancellationToken), ApiJson.Options);
    }

    private static async Task<JsonHttpResult<AddDocumentResponse>> AddDocumentAsync(RouteCompany route, HttpContext http, string? source, IFormFile? file, DocumentUpload upload, CancellationToken cancellationToken)
    {
        if (http.User.FindFirstValue(IAToolkitAuthentication.AuthTypeClaim) != "api_key")
        {
            throw new IAToolkitException(ErrorCodes.Forbidden, "Adding documents needs the company's API key.");
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            throw new IAToolkitException(ErrorCodes.InvalidRequest, "source is required (a key of knowledge_base.document_sources), e.g. ?source=supplier_manuals.");
        }

        var document = RequireFile(file);
        await using var stream = document.OpenReadStream();
        var result = await upload.AddAsync(route.Company, source.Trim(), Path.GetFileName(document.FileName), stream, cancellationToken);
        return TypedResults.Json(new AddDocumentResponse(result.Source, result.Path, result.Status, result.Chunks), ApiJson.Options);
    }

    private static IFormFile RequireFile(IFormFile? file)
        => file is { Length: > 0 } && !string.IsNullOrWhiteSpace(Path.GetFileName(file.FileName))
            ? file
            : throw new IAToolkitException(ErrorCodes.InvalidRequest, "Send the file as multipart/form-data in the field 'file' (not empty).");
}

/// <summary>The body of <c>embedding</c>.</summary>
internal sealed record EmbeddingRequest([property: JsonPropertyName("text")] string? Text) : ITextFields
{
    public IEnumerable<TextField> TextFields() => [new("text", Text, true)];
}

/// <summary>The answer of <c>embedding</c>, as the deployment guide describes it.</summary>
internal sealed record EmbeddingResponse(string Embedding, string Model);

/// <summary>The answer of <c>documents</c>.</summary>
internal sealed record AddDocumentResponse(string Source, string Path, string Status, int Chunks);
