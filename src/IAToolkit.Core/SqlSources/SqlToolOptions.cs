namespace IAToolkit.SqlSources;

/// <summary>
/// Limits of the assistant's SQL tool and of the schema text it is given (section <c>IAToolkit:Sql</c>). They apply to
/// every company database in <c>data_sources.sql</c>; the core database is never reached through them.
/// </summary>
internal sealed class SqlToolOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:Sql";

    /// <summary>How long one statement may run before PostgreSQL cancels it (<c>statement_timeout</c>; default 10 seconds).</summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>These options with a database's own <c>timeout</c> (company.yaml) as the statement limit, when it gives one.</summary>
    public SqlToolOptions For(Companies.Configuration.SqlDataSource source)
    {
        if (source.Timeout is not { } timeout)
        {
            return this;
        }

        var copy = (SqlToolOptions)MemberwiseClone();
        copy.StatementTimeout = timeout;
        return copy;
    }

    /// <summary>How long a statement may wait for a lock (<c>lock_timeout</c>; default 2 seconds).</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The most rows one query returns (default 200); more are reported as <c>truncated</c>.</summary>
    public int MaxRows { get; set; } = 200;

    /// <summary>The most bytes of JSON one result hands to the model (default 64 KB); rows beyond it are dropped and reported.</summary>
    public int MaxResultBytes { get; set; } = 64 * 1024;

    /// <summary>The most characters of one text value (default 1,000); longer values are cut and end with an ellipsis.</summary>
    public int MaxValueLength { get; set; } = 1000;

    /// <summary>How long the schema text of a company database is reused before it is read again (default 10 minutes; zero disables the cache).</summary>
    public TimeSpan SchemaCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Lets the SQL tool run on a connection whose role is a superuser or otherwise privileged (default
    /// <see langword="false"/>: such a source is refused, and <c>check-config</c> and <c>/health/ready</c> fail). A
    /// read-only transaction does not stop such a role from reading the server's files, running programs or ending
    /// other sessions, so a prompt-injected model could. A warning is logged at every start while it is set.
    /// </summary>
    public bool AllowPrivilegedRoles { get; set; }
}
