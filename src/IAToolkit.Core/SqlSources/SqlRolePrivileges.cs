using Npgsql;

namespace IAToolkit.SqlSources;

/// <summary>
/// Reads what the login role of a SQL source can do beyond the tables it was granted. A READ ONLY transaction does
/// not stop a superuser or these predefined roles from reading server files (<c>pg_read_file</c>, <c>lo_import</c>,
/// <c>COPY … TO PROGRAM</c> through a function), signalling other sessions, reading every table or every session's
/// query, so the SQL tool refuses such a role (unless <see cref="SqlToolOptions.AllowPrivilegedRoles"/> is set).
/// Membership counts whether or not it is inherited: the role could <c>SET ROLE</c> to the member role.
/// </summary>
internal static class SqlRolePrivileges
{
    /// <summary>
    /// The predefined roles refused: the four that reach the server's files, programs and sessions, and those that
    /// read data or activity beyond the role's grants. Names a server does not have (an older version) are skipped.
    /// </summary>
    public static readonly string[] RefusedRoles =
    [
        "pg_read_server_files", "pg_write_server_files", "pg_execute_server_program", "pg_signal_backend",
        "pg_signal_autovacuum_worker", "pg_read_all_data", "pg_write_all_data", "pg_read_all_settings",
        "pg_read_all_stats", "pg_stat_scan_tables", "pg_monitor",
    ];

    /// <summary>
    /// The login role and its privileges: role attributes (of the role or a role it belongs to) first, then the
    /// refused predefined roles it belongs to, directly or through other roles.
    /// </summary>
    private const string Sql = """
        SELECT session_user::text,
               ARRAY(
                   SELECT privilege FROM (
                       SELECT 'superuser' AS privilege, 1 AS sort WHERE EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolsuper AND pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER'))
                       UNION ALL SELECT 'replication', 2 WHERE EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolreplication AND pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER'))
                       UNION ALL SELECT 'bypassrls', 3 WHERE EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolbypassrls AND pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER'))
                       UNION ALL SELECT 'createrole', 4 WHERE EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolcreaterole AND pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER'))
                       UNION ALL SELECT r.rolname::text, 5 FROM pg_catalog.pg_roles r WHERE r.rolname = ANY($1) AND pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER')
                   ) p ORDER BY sort, privilege)
        """;

    public static async Task<SqlRoleVerdict> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = RefusedRoles });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var privileges = reader.GetFieldValue<string[]>(1);
        // A superuser is a member of every role: naming them all says less than "superuser".
        return new SqlRoleVerdict(reader.GetString(0), privileges.Contains("superuser") ? ["superuser"] : privileges);
    }
}
