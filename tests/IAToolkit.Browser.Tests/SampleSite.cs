using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IAToolkit.Testing;
using IAToolkit.Testing.ScriptedLlm;

namespace IAToolkit.Browser.Tests;

/// <summary>
/// The site under test, as an operator runs it: the real sample host process (Production) on a free loopback port,
/// with a migrated core database and the sales database filled by <c>populate-sample-db</c> (both throwaway), its
/// LLM the scripted OpenAI-compatible server over real HTTP, and its mail going to the local SMTP sink. Its content
/// root holds a copy of the sample company whose only change is <c>verify_account: true</c>, so signing up sends
/// the verification mail the tests open.
/// </summary>
internal sealed partial class SampleSite : IAsyncDisposable
{
    public const string Company = "sample_company";

    private readonly TestDatabase _core;
    private readonly TestDatabase _sample;
    private readonly ReadOnlyRole _reader;
    private readonly TempContentRoot _contentRoot;

    private SampleSite(ScriptedLlmServer llm, TestDatabase core, TestDatabase sample, ReadOnlyRole reader, TempContentRoot contentRoot, SampleHostProcess host, string apiKey)
    {
        Llm = llm;
        _core = core;
        _sample = sample;
        _reader = reader;
        _contentRoot = contentRoot;
        Host = host;
        ApiKey = apiKey;
    }

    /// <summary>The scripted LLM the host calls.</summary>
    public ScriptedLlmServer Llm { get; }

    /// <summary>The host process (its output helps when a test fails).</summary>
    public SampleHostProcess Host { get; }

    /// <summary>The site's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => Host.BaseAddress!;

    /// <summary>An API key of the sample company, made by the host's own <c>api-key</c> verb, as a portal's back end holds it.</summary>
    public string ApiKey { get; }

    /// <summary>The sales database, read by the tests to know what the SQL tool will find.</summary>
    public TestDatabase SalesDatabase => _sample;

    public static async Task<SampleSite> StartAsync()
    {
        var llm = await ScriptedLlmServer.StartAsync();
        var core = await TestDatabase.CreateAsync();
        var sample = await TestDatabase.CreateAsync();
        var reader = await ReadOnlyRole.CreateAsync(sample);
        var contentRoot = new TempContentRoot();
        CopySampleCompany(contentRoot.Path);
        var environment = new Dictionary<string, string?>
        {
            ["SAMPLE_DATABASE_URI"] = reader.Uri,
            ["SAMPLE_DATABASE_ADMIN_URI"] = sample.Uri,
            ["OPENAI_API_KEY"] = "sk-test",
            ["OPENAI_BASE_URL"] = llm.OpenAIEndpoint.ToString(),
            ["SMTP_HOST"] = TestServices.SmtpHost,
            ["SMTP_PORT"] = TestServices.SmtpPort,
            ["SMTP_USE_TLS"] = "false",
            ["SMTP_USE_SSL"] = "false",
            // Its own keys in the shared Redis: user ids restart at 1 in every throwaway database, so another run's
            // cached session stamp for "user 1" would end this run's sessions.
            ["IAToolkit__Redis__KeyPrefix"] = $"iat-browser-{Guid.NewGuid():N}:",
            // A scripted reply is used once: a retry would take the next test's reply.
            ["IAToolkit__Assistant__MaxRetries"] = "0",
        };
        foreach (var verb in new[] { "migrate", "populate-sample-db" })
        {
            var (exit, output, error) = await SampleHostProcess.RunAsync(core.Uri, environment, [verb], contentRoot.Path);
            Assert.That(exit, Is.Zero, $"{verb}: {output}{error}");
        }

        var (keyExit, keyOutput, keyError) = await SampleHostProcess.RunAsync(core.Uri, environment, ["api-key", Company, "--name", "portal"], contentRoot.Path);
        Assert.That(keyExit, Is.Zero, keyOutput + keyError);
        var key = KeyLine().Match(keyOutput);
        Assert.That(key.Success, Is.True, "api-key printed no key: " + keyOutput);
        var host = await SampleHostProcess.StartServingAsync(core.Uri, environment, contentRoot.Path);
        return new SampleSite(llm, core, sample, reader, contentRoot, host, key.Groups[1].Value);
    }

    /// <summary>The absolute URL of a path of the site.</summary>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>What a portal's back end does: asks for a single-use sign-in link for one of its users.</summary>
    public async Task<string> ExternalLoginLinkAsync(string userIdentifier)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        using var response = await client.PostAsJsonAsync($"/external_login/{Company}", new { user_identifier = userIdentifier });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("url").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Llm.DisposeAsync();
        await _reader.DisposeAsync();
        await TestDatabase.DropAsync(_sample);
        await TestDatabase.DropAsync(_core);
        _contentRoot.Dispose();
    }

    /// <summary>The sample company's folder (without its documents, which no test loads), verifying new accounts.</summary>
    private static void CopySampleCompany(string contentRoot)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "companies", Company);
        var target = Path.Combine(contentRoot, "companies", Company);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("sample_data", StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        var yamlPath = Path.Combine(target, "config", "company.yaml");
        var yaml = File.ReadAllText(yamlPath);
        var verifying = VerifyAccountLine().Replace(yaml, "verify_account: true", 1);
        Assert.That(verifying, Is.Not.EqualTo(yaml), "the sample's company.yaml has no 'verify_account: false' line any more");
        File.WriteAllText(yamlPath, verifying);
    }

    [GeneratedRegex(@"^IATOOLKIT_API_KEY='([^']+)'", RegexOptions.Multiline)]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"verify_account:\s*false")]
    private static partial Regex VerifyAccountLine();
}
