namespace IAToolkit.SqlSources;

/// <summary>Whether the SQL tool may query a source, as <c>check-config</c> and <c>/health/ready</c> report it.</summary>
internal enum SqlSourceState
{
    /// <summary>The role can only do what it was granted: the tool runs.</summary>
    LeastPrivilege,

    /// <summary>The role is privileged and <see cref="SqlToolOptions.AllowPrivilegedRoles"/> lets the tool run anyway.</summary>
    PrivilegedAllowed,

    /// <summary>The role is privileged, or the connection reaches the core database or uses its user, or is not PostgreSQL: the tool refuses it.</summary>
    Refused,

    /// <summary>The connection variable is not set.</summary>
    NotConfigured,

    /// <summary>The database did not answer, so the role could not be checked.</summary>
    Unreachable,
}

/// <summary>The verdict on one SQL source of one company, with a message that names the source and never the connection string.</summary>
internal sealed record SqlSourceStatus(string Company, string Database, SqlSourceState State, string Message);
