using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace IAToolkit.AspNet.Errors;

/// <summary>Maps the stable error codes to HTTP status codes.</summary>
internal static class ErrorStatus
{
    public static int For(string code) => code switch
    {
        ErrorCodes.CompanyNotFound => StatusCodes.Status404NotFound,
        ErrorCodes.InvalidRequest => StatusCodes.Status400BadRequest,
        ErrorCodes.ToolNotSupported => StatusCodes.Status400BadRequest,
        ErrorCodes.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorCodes.DatabaseUnavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorCodes.DatabaseNotMigrated => StatusCodes.Status503ServiceUnavailable,
        ErrorCodes.MailFailed => StatusCodes.Status503ServiceUnavailable,
        ErrorCodes.MailNotAllowed => StatusCodes.Status422UnprocessableEntity,
        ErrorCodes.LlmNotConfigured => StatusCodes.Status503ServiceUnavailable,
        ErrorCodes.LlmRateLimited => StatusCodes.Status503ServiceUnavailable,
        ErrorCodes.LlmUnavailable => StatusCodes.Status502BadGateway,
        ErrorCodes.LlmTimeout => StatusCodes.Status504GatewayTimeout,
        ErrorCodes.PromptNotFound => StatusCodes.Status404NotFound,
        ErrorCodes.PromptInvalid => StatusCodes.Status400BadRequest,
        ErrorCodes.ConversationNotFound => StatusCodes.Status404NotFound,
        ErrorCodes.DownloadNotFound => StatusCodes.Status404NotFound,
        ErrorCodes.SqlError => StatusCodes.Status400BadRequest,
        ErrorCodes.SqlSourcePrivileged => StatusCodes.Status503ServiceUnavailable,
        ErrorCodes.FileNotFound => StatusCodes.Status404NotFound,
        ErrorCodes.DocumentTooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCodes.DocumentUnreadable => StatusCodes.Status422UnprocessableEntity,
        ErrorCodes.DocumentTooComplex => StatusCodes.Status422UnprocessableEntity,
        ErrorCodes.ParsingBusy => StatusCodes.Status503ServiceUnavailable,
        ErrorCodes.KnowledgeSourceNotFound => StatusCodes.Status404NotFound,
        ErrorCodes.KnowledgeSourceUnavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorCodes.KnowledgeDimensionsChanged => StatusCodes.Status409Conflict,
        ErrorCodes.EmbeddingNotConfigured => StatusCodes.Status503ServiceUnavailable,
        ErrorCodes.EmbeddingFailed => StatusCodes.Status502BadGateway,
        ErrorCodes.InvalidExcelData => StatusCodes.Status400BadRequest,
        ErrorCodes.ExcelTooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCodes.DownloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string Title(int status) => ReasonPhrases.GetReasonPhrase(status);
}
