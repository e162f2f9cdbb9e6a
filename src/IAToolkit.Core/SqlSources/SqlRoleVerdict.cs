namespace IAToolkit.SqlSources;

/// <summary>What the login role of a SQL source can do beyond its grants (see <see cref="SqlRolePrivileges"/>).</summary>
/// <param name="Role">The login role, e.g. <c>iat_sample_reader</c>.</param>
/// <param name="Privileges">
/// What makes it privileged: <c>superuser</c>, <c>replication</c>, <c>bypassrls</c>, <c>createrole</c> (attributes of the
/// role or of a role it belongs to) and the refused predefined roles it belongs to; empty for a least-privilege role.
/// </param>
internal sealed record SqlRoleVerdict(string Role, IReadOnlyList<string> Privileges)
{
    public bool IsPrivileged => Privileges.Count > 0;

    /// <summary>E.g. <c>the role 'postgres' is a superuser</c> or <c>the role 'x' is a member of pg_read_server_files</c>.</summary>
    public string Describe()
    {
        var attributes = Privileges.Where(p => !p.StartsWith("pg_", StringComparison.Ordinal)).ToList();
        var roles = Privileges.Where(p => p.StartsWith("pg_", StringComparison.Ordinal)).ToList();
        var parts = new List<string>(2);
        if (attributes.Count > 0)
        {
            parts.Add(attributes.SequenceEqual(["superuser"]) ? "is a superuser" : $"has (or can SET ROLE to a role with) {string.Join(", ", attributes.Select(a => a.ToUpperInvariant()))}");
        }

        if (roles.Count > 0)
        {
            parts.Add($"is a member of {string.Join(", ", roles)}");
        }

        return $"the role '{Role}' {string.Join(" and ", parts)}";
    }
}
