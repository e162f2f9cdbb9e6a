using IAToolkit.Mail;
using IAToolkit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Core.Tests.Mail;

/// <summary>The mail services as <c>AddIAToolkitCore()</c> registers them, over the given settings (the host is built, not started).</summary>
internal sealed class MailTestHost : IDisposable
{
    private readonly IHost _host;

    public MailTestHost(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Production",
            ContentRootPath = Path.GetTempPath(),
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs);
        builder.AddIAToolkitCore();
        _host = builder.Build();
    }

    /// <summary>Settings that point SMTP at the local smtp4dev with the default variable names.</summary>
    public static Dictionary<string, string?> Smtp4dev() => new()
    {
        ["SMTP_HOST"] = TestServices.SmtpHost,
        ["SMTP_PORT"] = TestServices.SmtpPort,
        ["SMTP_USE_TLS"] = "false",
        ["SMTP_USE_SSL"] = "false",
    };

    public CapturingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _host.Services;

    public IMailService Mail => _host.Services.GetRequiredService<IMailService>();

    public void Dispose()
    {
        _host.Dispose();
        Logs.Dispose();
    }
}
