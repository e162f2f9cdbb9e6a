namespace IAToolkit.SqlSources;

/// <summary>
/// A query of the SQL tool was refused (not one read-only query, unknown database) or PostgreSQL rejected it. The code
/// is always <see cref="ErrorCodes.SqlError"/>; the message is what the model reads to fix its query.
/// </summary>
internal sealed class SqlQueryException : IAToolkitException
{
    /// <summary>Creates the exception with the message for the model.</summary>
    /// <param name="message">What went wrong and, where possible, how to fix it.</param>
    /// <param name="sqlState">PostgreSQL's SQLSTATE, e.g. <c>42703</c>, when PostgreSQL reported the error.</param>
    /// <param name="position">The 1-based character position in the query the error points at, if known.</param>
    /// <param name="innerException">The provider's exception, for logs.</param>
    public SqlQueryException(string message, string? sqlState = null, int? position = null, Exception? innerException = null)
        : base(ErrorCodes.SqlError, message, innerException)
    {
        SqlState = sqlState;
        Position = position;
    }

    /// <summary>PostgreSQL's SQLSTATE (e.g. <c>42703</c> undefined column, <c>25006</c> read-only, <c>57014</c> timeout), or <see langword="null"/> when the tool refused the query itself.</summary>
    public string? SqlState { get; }

    /// <summary>The 1-based character position in the query that the error points at, if known.</summary>
    public int? Position { get; }
}
