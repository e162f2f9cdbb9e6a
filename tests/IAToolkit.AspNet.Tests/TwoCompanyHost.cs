using System.CommandLine;
using System.Text.Json;
using IAToolkit.ApiKeys;
using IAToolkit.Companies;
using IAToolkit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IAToolkit.AspNet.Tests;

/// <summary>A real web host (in memory) serving two companies, acme and globex, for tenancy and API tests.</summary>
internal sealed class TwoCompanyHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempContentRoot _root;

    private TwoCompanyHost(WebApplication app, TempContentRoot root)
    {
        _app = app;
        _root = root;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>The address of the real (Kestrel) server when started with <c>overTcp</c>; requests then come from 127.0.0.1.</summary>
    public Uri? Address { get; private set; }

    /// <summary>Starts the host in memory, or with <paramref name="overTcp"/> on Kestrel at a free loopback port.</summary>
    /// <param name="databaseUri">The test database.</param>
    /// <param name="settings">Settings over the defaults.</param>
    /// <param name="overTcp">Serve on Kestrel at a free loopback port instead of in memory.</param>
    /// <param name="acmeParameters">More lines under acme's <c>parameters:</c>, indented by two spaces.</param>
    /// <param name="configureRoot">Changes to the companies' folders before the host starts (files, another company.yaml).</param>
    public static async Task<TwoCompanyHost> StartAsync(string databaseUri, IDictionary<string, string?>? settings = null, bool overTcp = false, string acmeParameters = "", Action<TempContentRoot>? configureRoot = null)
    {
        var root = new TempContentRoot();
        root.WriteCompany("acme", TempContentRoot.MinimalYaml("acme", "ACME Retail") + """

            prompt_categories: ["Sales"]
            prompts:
              - category: Sales
                name: monthly_sales
                description: Monthly sales
                order: 1
                custom_fields:
                  - { data_key: month, label: Month, type: date }
            mail_provider:
              provider: smtplib
              sender_email: assistant@acme.example
            parameters:
              cors_origin: ["https://portal.acme.example"]

            """ + acmeParameters, ("prompts/monthly_sales.prompt", "Sales of {{ month }}"));

        // globex speaks Spanish and verifies e-mail too, through an SMTP server that is not there.
        root.WriteCompany("globex", TempContentRoot.MinimalYaml("globex", "Globex").Replace("en_US", "es_ES", StringComparison.Ordinal) + """

            mail_provider:
              provider: smtplib
              sender_email: assistant@globex.example
              smtplib: { host_env: GLOBEX_SMTP_HOST, port_env: GLOBEX_SMTP_PORT }
            """);

        configureRoot?.Invoke(root);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = root.Path, EnvironmentName = "Production" });
        if (overTcp)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DATABASE_URI"] = databaseUri,
            ["REDIS_URL"] = TestServices.RedisUrl,
            ["IATOOLKIT_SECRET_KEY"] = TestServices.SecretKey,
            ["FERNET_KEY"] = TestServices.FernetKey,
            ["TEST_OPENAI_API_KEY"] = "sk-test",
            ["SMTP_HOST"] = TestServices.SmtpHost,
            ["SMTP_PORT"] = TestServices.SmtpPort,
            ["GLOBEX_SMTP_HOST"] = "127.0.0.1",
            ["GLOBEX_SMTP_PORT"] = "1",
            ["IAToolkit:Database:MigrateOnStart"] = "true",
            ["IAToolkit:Security:SecureCookies"] = "false",
            ["IAToolkit:Redis:KeyPrefix"] = $"iat-test-{Guid.NewGuid():N}:",
            // The server's own address: Production requires a public base URL and accepts only its host.
            ["IAToolkit:PublicBaseUrl"] = overTcp ? "http://127.0.0.1" : "http://localhost",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddIAToolkit().RegisterCompany<PortalCompany>("acme").RegisterCompany<PortalCompany>("globex");
        var app = builder.Build();
        app.UseIAToolkit();
        app.MapIAToolkit();
        await app.StartAsync();
        var address = overTcp ? new Uri(app.Urls.First()) : null;
        return new TwoCompanyHost(app, root) { Address = address };
    }

    public HttpClient Client() => Address is null ? _app.GetTestClient() : new HttpClient { BaseAddress = Address };

    /// <summary>A browser-like session; pass <paramref name="cookies"/> to share or replay another one's cookies.</summary>
    public BrowserSession Browser(System.Net.CookieContainer? cookies = null)
    {
        if (Address is not null)
        {
            return BrowserSession.For(Address);
        }

        var server = _app.GetTestServer();
#pragma warning disable CA2000 // The client owns the handler chain.
        var client = new HttpClient(new CookieHandler(cookies) { InnerHandler = server.CreateHandler() }) { BaseAddress = server.BaseAddress };
#pragma warning restore CA2000
        return new BrowserSession(client);
    }

    public Company Company(string shortName) => _app.Services.GetRequiredService<ICompanyCatalog>().GetRequired(shortName);

    public async Task<string> CreateKeyAsync(string company)
        => (await _app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(Company(company), "test", CancellationToken.None)).Key;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _root.Dispose();
    }

    /// <summary>A company whose portal users are described from their identifier.</summary>
    internal sealed class PortalCompany : CompanyBase
    {
        public override Task<CompanyUserInfo> GetUserInfoAsync(string userIdentifier, CompanyRequestContext context, CancellationToken cancellationToken)
            => Task.FromResult(new CompanyUserInfo { UserIdentifier = userIdentifier, FullName = $"Portal User {userIdentifier}", Email = $"{userIdentifier}@portal.example" });

        public override IEnumerable<Command> GetCommands(CompanyRequestContext context) => [];

        public override Task<object?> HandleRequestAsync(string toolName, JsonElement arguments, CompanyRequestContext context, CancellationToken cancellationToken)
            => Task.FromResult<object?>(null);
    }
}
