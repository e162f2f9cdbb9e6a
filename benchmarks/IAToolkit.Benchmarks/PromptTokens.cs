using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using IAToolkit.Testing;
using IAToolkit.Testing.ScriptedLlm;
using Microsoft.ML.Tokenizers;

namespace IAToolkit.Benchmarks;

/// <summary>
/// Prompt tokens per turn of a five-turn conversation with the sample company: what the model receives (messages and
/// tool definitions), counted with o200k_base, the tokenizer of the GPT-4o family. The sample host runs as a real
/// process against a scripted model that calls iat_sql_query on the real sample database in every turn.
/// </summary>
internal static class PromptTokens
{
    private static readonly string[] s_questions =
    [
        "Who are our five best customers by revenue in 2024?",
        "And which products did the first one buy most?",
        "How many orders shipped late last year?",
        "Which shipper handled most of those?",
        "Summarize the year in three bullet points.",
    ];

    private static readonly string[] s_queries =
    [
        "SELECT c.company_name, round(sum(d.unit_price * d.quantity * (1 - d.discount)), 2) AS revenue FROM orders o JOIN customers c USING (customer_id) JOIN order_details d USING (order_id) WHERE o.order_date >= '2024-01-01' AND o.order_date < '2025-01-01' AND o.status <> 'cancelled' GROUP BY 1 ORDER BY 2 DESC LIMIT 5",
        "SELECT p.product_name, sum(d.quantity) AS units FROM order_details d JOIN products p USING (product_id) JOIN orders o USING (order_id) WHERE o.customer_id = (SELECT customer_id FROM customers ORDER BY customer_id LIMIT 1) GROUP BY 1 ORDER BY 2 DESC LIMIT 5",
        "SELECT count(*) FROM orders WHERE shipped_date > required_date AND order_date >= '2025-01-01'",
        "SELECT s.company_name, count(*) FROM orders o JOIN shippers s ON s.shipper_id = o.ship_via WHERE o.shipped_date > o.required_date GROUP BY 1 ORDER BY 2 DESC",
        "SELECT count(*) AS orders FROM orders WHERE order_date >= '2025-01-01'",
    ];

    public static async Task<int> RunAsync()
    {
        await using var core = await TestDatabase.CreateAsync();
        await using var sample = await TestDatabase.CreateAsync();
        var environment = new Dictionary<string, string?> { ["SAMPLE_DATABASE_URI"] = sample.Uri };
        foreach (var verb in new[] { "migrate", "populate-sample-db" })
        {
            var (exit, output, error) = await SampleHostProcess.RunAsync(core.Uri, environment, verb);
            if (exit != 0)
            {
                Console.Error.WriteLine(output + error);
                return 1;
            }
        }

        await using var llm = await ScriptedLlmServer.StartAsync();
        environment["OPENAI_API_KEY"] = "sk-benchmark";
        environment["OPENAI_BASE_URL"] = llm.OpenAIEndpoint.ToString();
        environment["IAToolkit__Security__SecureCookies"] = "false";
        using var host = await SampleHostProcess.StartServingAsync(core.Uri, environment);
        var key = await CreateKeyAsync(core.Uri, environment);
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);

        var tokenizer = TiktokenTokenizer.CreateForEncoding("o200k_base");
        Console.WriteLine("| turn | model call | prompt tokens | of which tools | of which history |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        for (var turn = 0; turn < s_questions.Length; turn++)
        {
            llm.Enqueue(
                ScriptedReply.ToolCalls(("iat_sql_query", JsonSerializer.Serialize(new { database = "sample_database", query = s_queries[turn] }))),
                ScriptedReply.Text($"Answer {turn + 1}: a short table and two sentences about the result, as the model would write them in about sixty tokens of Markdown text here."));
            var before = llm.ChatRequests.Count;
            using var response = await client.PostAsJsonAsync("/api/sample_company/llm_query", new { question = s_questions[turn], user_identifier = "analyst@example.com" });
            response.EnsureSuccessStatusCode();
            foreach (var request in llm.ChatRequests.Skip(before))
            {
                var messages = request.Messages.Sum(m => tokenizer.CountTokens(m.Content ?? string.Empty) + 4);
                var tools = request.Body.TryGetProperty("tools", out var t) ? tokenizer.CountTokens(t.GetRawText()) : 0;
                var history = request.Messages.Skip(2).SkipLast(1).Sum(m => tokenizer.CountTokens(m.Content ?? string.Empty) + 4);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {turn + 1} | {request.Number} | {messages + tools} | {tools} | {history} |"));
            }
        }

        return 0;
    }

    private static async Task<string> CreateKeyAsync(string databaseUri, Dictionary<string, string?> environment)
    {
        var (exit, output, error) = await SampleHostProcess.RunAsync(databaseUri, environment, "api-key", "sample_company", "--name", "benchmark");
        return exit == 0 ? output.Trim().Split('\'')[1] : throw new InvalidOperationException(output + error);
    }
}
