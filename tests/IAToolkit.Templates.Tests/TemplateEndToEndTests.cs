using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using IAToolkit.Testing;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.Templates.Tests;

/// <summary>
/// What a company's developer does on day one, end to end: the framework packed with a version of its own, the template
/// installed from that folder into an isolated dotnet home, a host generated, restored from the folder and the
/// registry into an isolated package cache, built, its own test run, served against the local services, a key made,
/// a question answered through OPENAI_BASE_URL, and the template uninstalled.
/// </summary>
[Category("Slow")]
public sealed partial class TemplateEndToEndTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(6);

    // The variables a child dotnet must not inherit from the test run: MSBuild's own (the test host runs under
    // dotnet test) and the services' (the generated host reads its .env instead).
    private static readonly string[] Inherited =
    [
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "DOTNET_HOST_PATH",
        "DATABASE_URI", "REDIS_URL", "IATOOLKIT_SECRET_KEY", "FERNET_KEY", "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS", "PORT",
        "SAMPLE_DATABASE_URI", "SAMPLE_DATABASE_ADMIN_URI", "OPENAI_API_KEY", "OPENAI_BASE_URL", "ACME_ERP_URI",
    ];

    [Test]
    public async Task Template_PackedInstalledAndGenerated_BuildsPassesItsTestServesAndMakesAKey()
    {
        var clock = Stopwatch.StartNew();
        var work = Directory.CreateTempSubdirectory("iat-template-").FullName;
        // Stable, as a release is (NuGet holds stable packages to stricter rules), and unique: a fourth part, the seconds since 2020.
        var version = $"{VersionPrefix()}.{(long)(DateTime.UtcNow - new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds}";
        var packages = Path.Combine(work, "packages");
        var repository = Path.Combine(work, "Acme");
        var machineCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var isolated = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_HOME"] = Path.Combine(work, "dotnet-home"),
            ["NUGET_PACKAGES"] = Path.Combine(work, "nuget-packages"),
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false",
        };
        foreach (var name in Inherited)
        {
            isolated[name] = null;
        }

        TestContext.Progress.WriteLine($"version {version}, work folder {work}");
        var database = await TestDatabase.CreateAsync();
        Process? host = null;
        try
        {
            // 1. The four packages, from this build (the test project builds the packed projects in its configuration).
            var pack = await ProcessRun.DotNetAsync(RepositoryPaths.Root, Without(Inherited), StepTimeout,
                "pack", "IAToolkit.Packages.slnf", "-c", RepositoryPaths.Configuration, "--no-build", "-o", packages, $"-p:Version={version}", "-nologo");
            Assert.That(pack.ExitCode, Is.Zero, pack.Describe());
            AssertPackages(packages, version);

            // 2. Install the template into an empty dotnet home, and generate a host.
            var install = await ProcessRun.DotNetAsync(work, isolated, StepTimeout, "new", "install", Path.Combine(packages, $"IAToolkit.Templates.{version}.nupkg"));
            Assert.That(install.ExitCode, Is.Zero, install.Describe());
            var generate = await ProcessRun.DotNetAsync(work, isolated, StepTimeout, "new", "iatoolkit-company", "-n", "Acme", "--company", "acme", "-o", repository, "--no-restore");
            Assert.That(generate.ExitCode, Is.Zero, generate.Describe());
            AssertGeneratedRepository(repository, version);

            // 3. Restore from the packed folder and the registry into an empty package cache. The machine's own cache is
            // a read-only fallback for third-party packages (else every run downloads 1.7 GB, about a minute);
            // IAToolkit.* of this run's version can only come from the folder.
            var addSource = await ProcessRun.DotNetAsync(repository, isolated, StepTimeout, "nuget", "add", "source", packages, "--name", "iatoolkit-this-build", "--configfile", "nuget.config");
            Assert.That(addSource.ExitCode, Is.Zero, addSource.Describe());
            string[] fallback = Environment.GetEnvironmentVariable("IATOOLKIT_TEMPLATE_TEST_NO_FALLBACK") == "true" ? [] : [$"-p:RestoreAdditionalProjectFallbackFolders={machineCache}"];
            var restore = await ProcessRun.DotNetAsync(repository, isolated, StepTimeout, ["restore", "tests/Acme.Tests", .. fallback]);
            Assert.That(restore.ExitCode, Is.Zero, restore.Describe());
            foreach (var id in new[] { "iatoolkit.core", "iatoolkit.aspnet", "iatoolkit.cli" })
            {
                Assert.That(Directory.Exists(Path.Combine(isolated["NUGET_PACKAGES"]!, id, version)), Is.True, $"{id} {version} came from the packed folder into the isolated cache");
            }

            // 4. Build, and the host's own test against the services in its .env (Development reads it).
            var secret = RandomNumberGenerator.GetHexString(64, lowercase: true);
            var keyPrefix = $"iat-template-{Guid.NewGuid():N}:";
            await File.WriteAllTextAsync(Path.Combine(repository, ".env"), string.Join('\n',
                $"DATABASE_URI={database.Uri}", $"REDIS_URL={TestServices.RedisUrl}", $"IATOOLKIT_SECRET_KEY={secret}", $"IAToolkit__Redis__KeyPrefix={keyPrefix}", string.Empty));
            var build = await ProcessRun.DotNetAsync(repository, isolated, StepTimeout, "build", "tests/Acme.Tests", "--no-restore", "-nologo", "-clp:ErrorsOnly");
            Assert.That(build.ExitCode, Is.Zero, build.Describe());
            var test = await ProcessRun.DotNetAsync(repository, isolated, StepTimeout, "test", "tests/Acme.Tests", "--no-build", "-nologo");
            Assert.That(test.ExitCode, Is.Zero, test.Describe());
            Assert.That(test.Output, Does.Contain("Failed:     0, Passed:     2"), test.Describe());

            // The LLM switch and the names: each variant's company folder passes the built host's check-config.
            var output = Path.Combine(repository, "bin", "Debug", "net10.0");
            foreach (var (llmChoice, provider, variable) in new[] { ("azure", "provider: azure", "AZURE_OPENAI_API_KEY="), ("compatible", "provider: openai_compatible", "# LLM_API_KEY=") })
            {
                var variant = Path.Combine(work, "Contoso-" + llmChoice);
                var generated = await ProcessRun.DotNetAsync(work, isolated, StepTimeout,
                    "new", "iatoolkit-company", "-n", "Contoso", "--display-name", "Contoso Ltd", "--llm", llmChoice, "-o", variant, "--no-restore");
                Assert.That(generated.ExitCode, Is.Zero, generated.Describe());
                var yaml = await File.ReadAllTextAsync(Path.Combine(variant, "companies", "contoso", "config", "company.yaml"));
                Assert.That(yaml, Does.Contain(provider).And.Contain("id: contoso").And.Contain("name: \"Contoso Ltd\"").And.Not.Contain("#if"));
                Assert.That(await File.ReadAllTextAsync(Path.Combine(variant, ".env.example")), Does.Contain(variable).And.Not.Contain("#if"));
                var check = await ProcessRun.DotNetAsync(output, isolated, StepTimeout, "Acme.dll", "check-config", "--path", Path.Combine(variant, "companies", "contoso"), "--json");
                Assert.That(check.ExitCode, Is.Zero, check.Describe());
                Assert.That(check.Output, Does.Contain("\"valid\":true"), check.Describe());
            }

            // 5. Serve it as production does: Production, PORT from the platform, the company folder beside the binaries.
            await using var llm = await ScriptedLlmServer.StartAsync();
            var port = FreePort();
            var production = new Dictionary<string, string?>(isolated)
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DATABASE_URI"] = database.Uri,
                ["REDIS_URL"] = TestServices.RedisUrl,
                ["IATOOLKIT_SECRET_KEY"] = secret,
                ["IAToolkit__Redis__KeyPrefix"] = keyPrefix,
                ["IAToolkit__PublicBaseUrl"] = $"http://127.0.0.1:{port}",
                ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["OPENAI_API_KEY"] = "sk-scripted",
                ["OPENAI_BASE_URL"] = llm.OpenAIEndpoint.ToString(),
                ["Logging__Console__FormatterName"] = "simple",
            };
            var log = new StringBuilder();
            host = ProcessRun.Start(output, production, log, "Acme.dll");
            var ready = await ReadyAsync(host, new Uri($"http://127.0.0.1:{port}/health/ready"));
            Assert.That(ready, Is.EqualTo(HttpStatusCode.OK), ProcessRun.Read(log));
            TestContext.Progress.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F1} s total] /health/ready = 200 on PORT {port}");

            // 6. A key for another system, and a question answered by the OpenAI-compatible server at OPENAI_BASE_URL.
            var apiKey = await ProcessRun.DotNetAsync(output, production, StepTimeout, "Acme.dll", "api-key", "acme", "--name", "ci");
            Assert.That(apiKey.ExitCode, Is.Zero, apiKey.Describe());
            var key = ApiKeyLine().Match(apiKey.Output);
            Assert.That(key.Success, Is.True, apiKey.Describe());
            llm.Enqueue(ScriptedReply.Text("New employees get 22 working days of vacation a year."));
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Groups[1].Value);
            using var answer = await client.PostAsJsonAsync("/api/acme/llm_query", new { question = "How many vacation days does a new employee get?", user_identifier = "ana@example.com" });
            var body = await answer.Content.ReadAsStringAsync();
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), body + ProcessRun.Read(log));
            Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("answer").GetString(), Does.Contain("22 working days"));

            // 7. Uninstall: the dotnet home no longer knows the template.
            var uninstall = await ProcessRun.DotNetAsync(work, isolated, StepTimeout, "new", "uninstall", "IAToolkit.Templates");
            Assert.That(uninstall.ExitCode, Is.Zero, uninstall.Describe());
            var list = await ProcessRun.DotNetAsync(work, isolated, StepTimeout, "new", "list", "iatoolkit-company");
            Assert.That(list.Output, Does.Not.Contain("IAToolkit company host"), list.Describe());
        }
        finally
        {
            if (host is { HasExited: false })
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
            }

            host?.Dispose();
            await database.DisposeAsync();
            TestContext.Progress.WriteLine($"template end to end: {clock.Elapsed.TotalSeconds:F0} s");
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The packages a release publishes: one version, exact dependencies between the libraries, symbols, docs, the UI's assets.</summary>
    private static void AssertPackages(string folder, string version)
    {
        var names = Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.That(names, Is.EquivalentTo(new[]
        {
            $"IAToolkit.AspNet.{version}.nupkg", $"IAToolkit.AspNet.{version}.snupkg",
            $"IAToolkit.Cli.{version}.nupkg", $"IAToolkit.Cli.{version}.snupkg",
            $"IAToolkit.Core.{version}.nupkg", $"IAToolkit.Core.{version}.snupkg",
            $"IAToolkit.Templates.{version}.nupkg",
        }));

        foreach (var id in new[] { "IAToolkit.Core", "IAToolkit.AspNet", "IAToolkit.Cli" })
        {
            using var package = ZipFile.OpenRead(Path.Combine(folder, $"{id}.{version}.nupkg"));
            var nuspec = XDocument.Load(package.GetEntry($"{id}.nuspec")!.Open());
            XNamespace ns = nuspec.Root!.Name.Namespace;
            var metadata = nuspec.Root.Element(ns + "metadata")!;
            Assert.That(metadata.Element(ns + "license")?.Value, Is.EqualTo("MIT"), id);
            Assert.That(metadata.Element(ns + "readme")?.Value, Is.EqualTo("README.md"), id);
            Assert.That(metadata.Element(ns + "repository")?.Attribute("url")?.Value, Does.StartWith("https://"), id + ": SourceLink's repository");
            Assert.That(package.GetEntry($"lib/net10.0/{id}.xml"), Is.Not.Null, id + ": XML docs");
            var framework = metadata.Descendants(ns + "dependency").Where(d => d.Attribute("id")!.Value.StartsWith("IAToolkit.", StringComparison.Ordinal));
            Assert.That(framework.Select(d => d.Attribute("version")!.Value), Is.All.EqualTo($"[{version}]"), id + ": exact versions of the other IAToolkit packages");
            using var symbols = ZipFile.OpenRead(Path.Combine(folder, $"{id}.{version}.snupkg"));
            Assert.That(symbols.GetEntry($"lib/net10.0/{id}.pdb"), Is.Not.Null, id + ": symbols");
        }

        using (var aspNet = ZipFile.OpenRead(Path.Combine(folder, $"IAToolkit.AspNet.{version}.nupkg")))
        {
            using var dll = new MemoryStream();
            aspNet.GetEntry("lib/net10.0/IAToolkit.AspNet.dll")!.Open().CopyTo(dll);
            dll.Position = 0;
            using var pe = new PEReader(dll);
            var reader = pe.GetMetadataReader();
            var resources = reader.ManifestResources.Select(h => reader.GetString(reader.GetManifestResource(h).Name)).ToHashSet(StringComparer.Ordinal);
            foreach (var asset in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", "IAToolkit.AspNet", "Assets")))
            {
                Assert.That(resources, Does.Contain("IAToolkit.Assets." + Path.GetFileName(asset)), "the UI's assets are inside IAToolkit.AspNet.dll");
            }
        }

        using var templates = ZipFile.OpenRead(Path.Combine(folder, $"IAToolkit.Templates.{version}.nupkg"));
        using var templateJson = JsonDocument.Parse(templates.GetEntry("content/company-host/.template.config/template.json")!.Open());
        Assert.That(templateJson.RootElement.GetProperty("symbols").GetProperty("frameworkVersion").GetProperty("defaultValue").GetString(), Is.EqualTo(version));
    }

    /// <summary>The repository a company gets: its own code and configuration, the framework only as pinned packages.</summary>
    private static void AssertGeneratedRepository(string root, string version)
    {
        string[] expected =
        [
            ".dockerignore", ".env.example", ".gitignore", "Acme.csproj", "AcmeCompany.cs", "Directory.Packages.props", "Dockerfile",
            "Procfile", "Program.cs", "README.md", "appsettings.json", "nuget.config",
            "companies/acme/config/company.yaml", "companies/acme/config/help_content.yaml", "companies/acme/config/onboarding_cards.yaml",
            "companies/acme/context/acme.md", "companies/acme/documents/vacation_policy.md", "companies/acme/prompts/sales_summary.prompt",
            "companies/acme/schema/orders.yaml", "companies/acme/templates/home_en.html",
            "tests/Acme.Tests/Acme.Tests.csproj", "tests/Acme.Tests/HostTests.cs",
        ];
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'));
        Assert.That(files, Is.EquivalentTo(expected), "no framework source: only the company's files and the pinned packages");

        string Read(string file) => File.ReadAllText(Path.Combine(root, file));
        Assert.That(Read("Directory.Packages.props"), Does.Contain($"<IAToolkitVersion>{version}</IAToolkitVersion>"));
        Assert.That(Read("Program.cs"), Does.Contain("RegisterCompany<AcmeCompany>(\"acme\")"));
        Assert.That(Read("companies/acme/config/company.yaml"), Does.Contain("id: acme").And.Contain("provider: openai").And.Not.Contain("#if"));
        Assert.That(Read(".gitignore").Split('\n').Select(l => l.Trim()), Does.Contain(".env"));
        var dockerfile = Read("Dockerfile");
        Assert.That(Regex.Count(dockerfile, "^FROM ", RegexOptions.Multiline), Is.EqualTo(2), "multi-stage");
        Assert.That(dockerfile, Does.Contain("dotnet publish").And.Contain("USER $APP_UID").And.Contain("ENTRYPOINT [\"dotnet\", \"Acme.dll\"]"));
        Assert.That(Read("Procfile"), Does.Contain("web: dotnet out/Acme.dll"));
        var environment = Read(".env.example");
        foreach (var variable in new[]
        {
            "DATABASE_URI", "REDIS_URL", "IATOOLKIT_SECRET_KEY", "FERNET_KEY", "ASPNETCORE_ENVIRONMENT", "IAToolkit__PublicBaseUrl",
            "IAToolkit__ForwardedHeaders__KnownProxies", "IAToolkit__ForwardedHeaders__KnownNetworks", "PORT", "OPENAI_API_KEY",
            "OPENAI_BASE_URL", "ACME_ERP_URI", "SMTP_HOST", "SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD", "SMTP_USE_TLS", "SMTP_USE_SSL",
            "BREVO_API_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION", "AWS_ENDPOINT_URL", "GOOGLE_CHAT_BOT_URL",
            "OTEL_EXPORTER_OTLP_ENDPOINT", "FLASK_ENV",
        })
        {
            Assert.That(environment, Does.Match($@"(?m)^#? ?{variable}="), $".env.example lists {variable}");
        }
    }

    private static string VersionPrefix()
        => XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    private static Dictionary<string, string?> Without(IEnumerable<string> names) => names.ToDictionary(n => n, _ => (string?)null);

    private static async Task<HttpStatusCode?> ReadyAsync(Process host, Uri ready)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !host.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(ready);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return response.StatusCode;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("IATOOLKIT_API_KEY='(iat_[A-Za-z0-9_]+)'")]
    private static partial Regex ApiKeyLine();
}
