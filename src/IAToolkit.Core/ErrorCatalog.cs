namespace IAToolkit;

/// <summary>
/// The one table that says how every code of <see cref="ErrorCodes"/> surfaces: the HTTP status the ProblemDetails
/// handler answers with and the exit code a verb ends with. Both read it, so the two cannot drift apart, and a test
/// fails on a code that has no row here (a new code cannot slip through to a default).
/// </summary>
internal static class ErrorCatalog
{
    /// <summary>
    /// A code the framework does not define (a company's own): a server failure for HTTP, a plain failure for a verb.
    /// </summary>
    public static readonly ErrorMapping Unknown = new(500, ExitCodes.Failure);

    // Add, not the indexer: a code listed twice stops the type from loading, so the test that reads the table fails.
    private static readonly Dictionary<string, ErrorMapping> s_byCode = new(StringComparer.Ordinal)
    {
        // The request names something that does not exist.
        { ErrorCodes.CompanyNotFound, new(404, ExitCodes.NotFound) },
        { ErrorCodes.ApiKeyNotFound, new(404, ExitCodes.NotFound) },
        { ErrorCodes.PromptNotFound, new(404, ExitCodes.NotFound) },
        { ErrorCodes.ConversationNotFound, new(404, ExitCodes.NotFound) },
        { ErrorCodes.DownloadNotFound, new(404, ExitCodes.NotFound) },
        { ErrorCodes.FileNotFound, new(404, ExitCodes.NotFound) },
        { ErrorCodes.KnowledgeSourceNotFound, new(404, ExitCodes.NotFound) },
        { ErrorCodes.NotFound, new(404, ExitCodes.NotFound) },

        // The request or its input is refused; sending it again unchanged fails again.
        { ErrorCodes.InvalidRequest, new(400, ExitCodes.Failure) },
        { ErrorCodes.ToolNotSupported, new(400, ExitCodes.Failure) },
        { ErrorCodes.PromptInvalid, new(400, ExitCodes.Failure) },
        { ErrorCodes.SqlError, new(400, ExitCodes.Failure) },
        { ErrorCodes.InvalidExcelData, new(400, ExitCodes.Failure) },
        { ErrorCodes.Unauthenticated, new(401, ExitCodes.Failure) },
        { ErrorCodes.Forbidden, new(403, ExitCodes.Failure) },
        { ErrorCodes.KnowledgeDimensionsChanged, new(409, ExitCodes.Failure) },
        { ErrorCodes.DocumentTooLarge, new(413, ExitCodes.Failure) },
        { ErrorCodes.ExcelTooLarge, new(413, ExitCodes.Failure) },
        { ErrorCodes.DownloadTooLarge, new(413, ExitCodes.Failure) },
        { ErrorCodes.MailNotAllowed, new(422, ExitCodes.Failure) },
        { ErrorCodes.DocumentUnreadable, new(422, ExitCodes.Failure) },
        { ErrorCodes.DocumentTooComplex, new(422, ExitCodes.Failure) },

        // The host is set up wrong: an operator must fix a setting, a company folder or the database.
        { ErrorCodes.InvalidCompanyConfiguration, new(500, ExitCodes.Failure) },
        { ErrorCodes.InvalidSettings, new(500, ExitCodes.Failure) },
        { ErrorCodes.MigrationChecksumMismatch, new(500, ExitCodes.Failure) },
        { ErrorCodes.DatabaseNotMigrated, new(503, ExitCodes.Failure) },
        { ErrorCodes.SqlSourcePrivileged, new(503, ExitCodes.Failure) },
        { ErrorCodes.LlmNotConfigured, new(503, ExitCodes.Failure) },
        { ErrorCodes.EmbeddingNotConfigured, new(503, ExitCodes.Failure) },

        // A service failed, is busy or did not answer in time; the same request may succeed later.
        { ErrorCodes.RateLimited, new(429, ExitCodes.Unavailable) },
        { ErrorCodes.LlmUnavailable, new(502, ExitCodes.Unavailable) },
        { ErrorCodes.EmbeddingFailed, new(502, ExitCodes.Unavailable) },
        { ErrorCodes.DatabaseUnavailable, new(503, ExitCodes.Unavailable) },
        { ErrorCodes.MailFailed, new(503, ExitCodes.Unavailable) },
        { ErrorCodes.LlmRateLimited, new(503, ExitCodes.Unavailable) },
        { ErrorCodes.KnowledgeSourceUnavailable, new(503, ExitCodes.Unavailable) },
        { ErrorCodes.ParsingBusy, new(503, ExitCodes.Unavailable) },
        { ErrorCodes.LlmTimeout, new(504, ExitCodes.Unavailable) },

        // The provider answered with vectors the store cannot take: a bad answer from upstream, not a passing fault.
        { ErrorCodes.InvalidEmbedding, new(502, ExitCodes.Failure) },

        // Nobody is left to read an answer; 499 is the status proxies log for a client that closed the request.
        { ErrorCodes.ClientCanceled, new(499, ExitCodes.Canceled) },

        { ErrorCodes.InternalError, new(500, ExitCodes.Failure) },
    };

    /// <summary>Every code with its mapping.</summary>
    public static IReadOnlyDictionary<string, ErrorMapping> ByCode => s_byCode;

    /// <summary>The mapping of <paramref name="code"/>; <see cref="Unknown"/> for a code the framework does not define.</summary>
    public static ErrorMapping For(string code) => s_byCode.TryGetValue(code, out var mapping) ? mapping : Unknown;
}
