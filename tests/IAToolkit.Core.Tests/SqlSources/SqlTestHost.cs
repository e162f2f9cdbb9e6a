using IAToolkit.Core.Tests.Mail;
using IAToolkit.SqlSources;
using IAToolkit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Core.Tests.SqlSources;

/// <summary>The SQL source services as <c>AddIAToolkitCore()</c> registers them, over the given settings (built, not started).</summary>
internal sealed class SqlTestHost : IDisposable
{
    private readonly IHost _host;

    public SqlTestHost(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Production",
            ContentRootPath = Path.GetTempPath(),
            DisableDefaults = true,
        });
        var all = new Dictionary<string, string?>
        {
            // The core database, which the SQL tool must never reach.
            ["DATABASE_URI"] = TestServices.DatabaseUri,
            [$"{SqlToolOptions.SectionName}:StatementTimeout"] = "00:00:01",
            [$"{SqlToolOptions.SectionName}:LockTimeout"] = "00:00:00.500",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(all);
        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs);
        builder.AddIAToolkitCore();
        _host = builder.Build();
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public SqlQueryRunner Runner => _host.Services.GetRequiredService<SqlQueryRunner>();

    public SqlSchemaDescriber Describer => _host.Services.GetRequiredService<SqlSchemaDescriber>();

    public SqlSourceConnections Connections => _host.Services.GetRequiredService<SqlSourceConnections>();

    public void Dispose()
    {
        _host.Dispose();
        Logs.Dispose();
    }
}
