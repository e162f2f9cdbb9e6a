namespace IAToolkit;

/// <summary>Stable error codes carried by <see cref="IAToolkitException"/> and by ProblemDetails responses.</summary>
public static class ErrorCodes
{
    /// <summary>The company named in the request is not registered in this host.</summary>
    public const string CompanyNotFound = "company_not_found";

    /// <summary>A company folder or its company.yaml is invalid.</summary>
    public const string InvalidCompanyConfiguration = "invalid_company_configuration";

    /// <summary>A framework setting (environment variable or options) is missing or invalid.</summary>
    public const string InvalidSettings = "invalid_settings";

    /// <summary>The database could not be reached or is not usable.</summary>
    public const string DatabaseUnavailable = "database_unavailable";

    /// <summary>The database schema is behind the code; run the <c>migrate</c> verb.</summary>
    public const string DatabaseNotMigrated = "database_not_migrated";

    /// <summary>An applied migration no longer matches the code that shipped it.</summary>
    public const string MigrationChecksumMismatch = "migration_checksum_mismatch";

    /// <summary>The company does not implement the requested tool.</summary>
    public const string ToolNotSupported = "tool_not_supported";

    /// <summary>The request is malformed or fails validation.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>The company has no API key with the given id or prefix.</summary>
    public const string ApiKeyNotFound = "api_key_not_found";

    /// <summary>The caller sent too many requests; retry after the time the response gives.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>No credentials, or credentials that are unknown, revoked or expired.</summary>
    public const string Unauthenticated = "unauthenticated";

    /// <summary>Valid credentials that do not give access to this company.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>A mail could not be sent: the company's mail settings are missing or the provider refused or failed.</summary>
    public const string MailFailed = "mail_failed";

    /// <summary>
    /// The assistant's <c>iat_send_email</c> refused a mail before sending it: a recipient outside the company's
    /// policy (<c>mail_provider.tool</c>), too many recipients, a subject or body over its cap. Nothing was sent.
    /// </summary>
    public const string MailNotAllowed = "mail_not_allowed";

    /// <summary>
    /// A query of the assistant's SQL tool was refused or failed; the message is written for the model to fix the
    /// query (PostgreSQL's message, detail, hint and position), never a stack trace or a connection string.
    /// </summary>
    public const string SqlError = "sql_error";

    /// <summary>
    /// The SQL tool refuses a company database because its connection logs in as a privileged role (a superuser, or a
    /// member of pg_read_server_files, pg_write_server_files, pg_execute_server_program, pg_signal_backend and the
    /// like) or with the core database's credentials; an operator must give it a role that can only SELECT.
    /// </summary>
    public const string SqlSourcePrivileged = "sql_source_privileged";

    /// <summary>The rows given for a spreadsheet are not an array of objects (the message says which row and why).</summary>
    public const string InvalidExcelData = "invalid_excel_data";

    /// <summary>A spreadsheet would have more rows, columns or bytes than the configured limits allow.</summary>
    public const string ExcelTooLarge = "excel_too_large";

    /// <summary>A file offered for download is larger than the configured limit.</summary>
    public const string DownloadTooLarge = "download_too_large";

    /// <summary>The company's LLM is not usable: its key (or base URL) is not set.</summary>
    public const string LlmNotConfigured = "llm_not_configured";

    /// <summary>The LLM provider failed or refused the call (5xx, bad key, malformed answer).</summary>
    public const string LlmUnavailable = "llm_unavailable";

    /// <summary>The LLM provider kept answering 429 (rate limit or quota) through every retry.</summary>
    public const string LlmRateLimited = "llm_rate_limited";

    /// <summary>The question took longer than the assistant's time limit.</summary>
    public const string LlmTimeout = "llm_timeout";

    /// <summary>
    /// The client disconnected before the answer was complete: the outcome recorded in the query log (no response is
    /// sent, since nobody is left to read it).
    /// </summary>
    public const string ClientCanceled = "client_canceled";

    /// <summary>The request names a prompt the company does not have.</summary>
    public const string PromptNotFound = "prompt_not_found";

    /// <summary>The prompt needs a value the request did not give, or its template is broken.</summary>
    public const string PromptInvalid = "prompt_invalid";

    /// <summary>The request continues a conversation that does not exist for this user.</summary>
    public const string ConversationNotFound = "conversation_not_found";

    /// <summary>A download that does not exist, has expired, or belongs to another user.</summary>
    public const string DownloadNotFound = "download_not_found";

    /// <summary>
    /// The company's embedding model is not usable: the variable named by <c>embedding_provider.api_key_name</c> is not
    /// set, or <c>embedding_provider.model</c> names a Hugging Face model other than the one that runs in process.
    /// </summary>
    public const string EmbeddingNotConfigured = "embedding_not_configured";

    /// <summary>The embedding provider failed or refused the call (HTTP status, timeout or malformed vectors), after every retry.</summary>
    public const string EmbeddingFailed = "embedding_failed";

    /// <summary>
    /// The knowledge base cannot take text from a document: an unsupported type, an empty file, a corrupt or encrypted
    /// file, or a PDF without a text layer (the message names the file and the reason).
    /// </summary>
    public const string DocumentUnreadable = "document_unreadable";

    /// <summary>
    /// The company's knowledge base holds embeddings of another dimension than its embedding model now gives (the model
    /// changed): embeddings of two models cannot be searched together, so its documents must be removed and loaded again.
    /// </summary>
    public const string KnowledgeDimensionsChanged = "knowledge_dimensions_changed";

    /// <summary>
    /// An embedding cannot be stored or searched: its length is not the dimension given, the dimension is outside what
    /// the vector index supports (1 to 2,000), or it holds a value that is not a finite number.
    /// </summary>
    public const string InvalidEmbedding = "invalid_embedding";

    /// <summary>The company has no document source (<c>knowledge_base.document_sources</c>) with the requested name.</summary>
    public const string KnowledgeSourceNotFound = "knowledge_source_not_found";

    /// <summary>
    /// A document source cannot be read or written: its folder is missing, or its bucket is missing, refuses the
    /// credentials or cannot be reached (the message names the bucket and prefix and the store's error code).
    /// </summary>
    public const string KnowledgeSourceUnavailable = "knowledge_source_unavailable";

    /// <summary>A document is larger than the knowledge base accepts.</summary>
    public const string DocumentTooLarge = "document_too_large";

    /// <summary>A file-store token that does not exist, has expired, or belongs to another company or another user.</summary>
    public const string FileNotFound = "file_not_found";

    /// <summary>
    /// A document passes one of the reading budgets (<c>IAToolkit:Knowledge:Parsing</c>): it expands to more bytes,
    /// characters, cells, pages or objects than allowed, nests too deeply, or takes too long to read. The message names
    /// the file and the budget.
    /// </summary>
    public const string DocumentTooComplex = "document_too_complex";

    /// <summary>Every document-reading slot of the host is busy; the answer says when to retry (<c>Retry-After</c>).</summary>
    public const string ParsingBusy = "parsing_busy";

    /// <summary>
    /// Nothing is served at the requested path (the HTTP answer to an unknown URL; a named thing that does not exist
    /// has its own code, such as <see cref="CompanyNotFound"/>).
    /// </summary>
    public const string NotFound = "not_found";

    /// <summary>An unexpected failure: the server log (or the command's error output) has the details.</summary>
    public const string InternalError = "internal_error";
}
