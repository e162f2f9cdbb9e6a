namespace IAToolkit.Configuration;

/// <summary>The core database (section <c>IAToolkit:Database</c>; the connection comes from <c>DATABASE_URI</c>).</summary>
internal sealed class DatabaseOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:Database";

    /// <summary>The environment variable deployments set.</summary>
    public const string VariableName = "DATABASE_URI";

    /// <summary>
    /// The core PostgreSQL database: a <c>postgresql://</c> URL or an Npgsql connection string.
    /// <c>DATABASE_URI</c> wins over <c>IAToolkit:Database:ConnectionString</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the host starts. Defaults to true in Development, false elsewhere.</summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>Seconds a command may run before Npgsql cancels it (default 30).</summary>
    public int CommandTimeoutSeconds { get; set; } = 30;
}
