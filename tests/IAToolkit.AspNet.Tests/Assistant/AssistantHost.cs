using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IAToolkit.ApiKeys;
using IAToolkit.Assistant;
using IAToolkit.Companies;
using IAToolkit.Testing.ScriptedLlm;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.AspNet.Tests.Assistant;

/// <summary>The sample host wired to a scripted LLM, with an API key of the sample company.</summary>
internal sealed class AssistantHost : IAsyncDisposable
{
    private readonly SampleHostFactory _factory;

    private AssistantHost(SampleHostFactory factory, ScriptedLlmServer llm, HttpClient client, string key)
    {
        _factory = factory;
        Llm = llm;
        Client = client;
        Key = key;
    }

    public ScriptedLlmServer Llm { get; }

    public HttpClient Client { get; }

    public string Key { get; }

    public IServiceProvider Services => _factory.Services;

    public static async Task<AssistantHost> StartAsync(IDictionary<string, string?>? settings = null, string? coreDatabaseUri = null, string? contentRoot = null, Action<IWebHostBuilder>? configure = null)
    {
        var llm = await ScriptedLlmServer.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-test",
            ["OPENAI_BASE_URL"] = llm.OpenAIEndpoint.ToString(),
            ["SAMPLE_DATABASE_URI"] = SampleAssistantFixture.SampleReaderUri,
            ["IAToolkit:Assistant:MaxRetries"] = "0",
            ["IAToolkit:Environment"] = "development",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new SampleHostFactory(coreDatabaseUri ?? SampleAssistantFixture.Core.Uri, all, contentRoot, configure);
        var client = factory.CreateClient();
        var company = factory.Services.GetRequiredService<ICompanyCatalog>().GetRequired("sample_company");
        var created = await factory.Services.GetRequiredService<ApiKeyStore>().CreateAsync(company, "tests", CancellationToken.None);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Key);
        return new AssistantHost(factory, llm, client, created.Key);
    }

    /// <summary>Another client of this host, calling with <paramref name="key"/>.</summary>
    public HttpClient CreateClient(string key)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async Task<HttpResponseMessage> PostAsync(string path, object body, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Writes the query log queued in Redis into <c>iat_queries</c>, for a test that reads the table itself.</summary>
    public Task FlushQueryLogAsync() => Services.GetRequiredService<QueryLogWriter>().FlushAsync(CancellationToken.None);

    public Task<JsonElement> AskAsync(object body) => AskJsonAsync("/api/sample_company/llm_query", body);

    public async Task<JsonElement> AskJsonAsync(string path, object body)
    {
        using var response = await PostAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Reads a Server-Sent Events stream into (event, data) pairs.</summary>
    public static async Task<List<(string Event, JsonElement Data)>> ReadEventsAsync(HttpResponseMessage response)
    {
        var events = new List<(string, JsonElement)>();
        var name = string.Empty;
        var data = new StringBuilder();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line[6..]);
            }
            else if (line.Length == 0 && data.Length > 0)
            {
                events.Add((name, JsonDocument.Parse(data.ToString()).RootElement.Clone()));
                data.Clear();
            }
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await Llm.DisposeAsync();
    }
}
