using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using IAToolkit.Assistant;
using IAToolkit.Assistant.Tools;
using IAToolkit.Companies;
using IAToolkit.Configuration;
using IAToolkit.Core.Tests.Mail;
using IAToolkit.Database;
using IAToolkit.Database.Migrations;
using IAToolkit.Redis;
using IAToolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace IAToolkit.Core.Tests.Assistant;

/// <summary>
/// The query log off the request path, against the real PostgreSQL and Redis: rows queued in Redis reach
/// <c>iat_queries</c> in batches, unchanged, once each, whether the host stops, crashes, or loses Redis or PostgreSQL.
/// </summary>
public sealed class QueryLogWriterTests : DatabaseTest
{
    private readonly List<IAsyncDisposable> _disposables = [];
    private CoreDatabase _core = null!;
    private Company _company = null!;
    private string _prefix = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _core = Own(new CoreDatabase(Options.Create(new DatabaseOptions { ConnectionString = Database.Uri }), NullLoggerFactory.Instance));
        await new MigrationRunner(_core).MigrateAsync(CancellationToken.None);
        await using var connection = await _core.OpenConnectionAsync(CancellationToken.None);
        var id = await connection.ExecuteScalarAsync<long>("INSERT INTO iat_companies (short_name, name) VALUES ('acme', 'ACME') RETURNING id");
        var template = MailTestCompany.Create();
        _company = new Company(id, template.ShortName, template.Folder, template.Configuration, template.Implementation);
        _prefix = $"iat-test-{Guid.NewGuid():N}:";
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        var redis = new RedisConnection(Options.Create(new RedisOptions { Url = TestServices.RedisUrl, KeyPrefix = _prefix }));
        var multiplexer = await redis.GetAsync();
        foreach (var server in multiplexer.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: _prefix + "*"))
            {
                await multiplexer.GetDatabase().KeyDeleteAsync(key);
            }
        }

        await redis.DisposeAsync();
        for (var i = _disposables.Count - 1; i >= 0; i--)
        {
            await _disposables[i].DisposeAsync();
        }

        _disposables.Clear();
    }

    [Test]
    public async Task RecordAsync_ThenFlush_RowHasEveryColumnAsBefore()
    {
        var log = Create();
        var toolCall = new ToolCallRecord("iat_sql_query", JsonDocument.Parse("""{"query":"SELECT 1"}""").RootElement, 12, "error", "no such table");
        var record = new QueryRecord("ana@acme.com", "resp_1", "gpt-4o-mini", "How many orders?", "sales_report", "Forty.", "ok", null, 1200, 80, TimeSpan.FromMilliseconds(345.6), [toolCall]);

        await log.Store.RecordAsync(_company, record);

        Assert.That(await CountAsync(), Is.Zero, "queued in Redis, not written on the request path");
        var redis = await log.Redis.GetAsync();
        Assert.That(await redis.GetDatabase().ListLengthAsync(log.Queue.PendingKey), Is.EqualTo(1));
        Assert.That(await redis.GetDatabase().KeyTimeToLiveAsync(log.Queue.PendingKey), Is.Null, "no lifetime: volatile-lru never evicts it");

        await log.Writer.FlushAsync(CancellationToken.None);

        await using var connection = await _core.OpenConnectionAsync(CancellationToken.None);
        var row = await connection.QuerySingleAsync("""
            SELECT company_id, user_identifier, response_id, model, question, prompt_name, answer, outcome, error_message,
                   prompt_tokens, completion_tokens, duration_ms, tool_calls::text AS tool_calls, created_at, log_id
            FROM iat_queries
            """);
        Assert.Multiple(() =>
        {
            Assert.That((long)row.company_id, Is.EqualTo(_company.Id));
            Assert.That((string)row.user_identifier, Is.EqualTo("ana@acme.com"));
            Assert.That((string)row.response_id, Is.EqualTo("resp_1"));
            Assert.That((string)row.model, Is.EqualTo("gpt-4o-mini"));
            Assert.That((string)row.question, Is.EqualTo("How many orders?"));
            Assert.That((string)row.prompt_name, Is.EqualTo("sales_report"));
            Assert.That((string)row.answer, Is.EqualTo("Forty."));
            Assert.That((string)row.outcome, Is.EqualTo("ok"));
            Assert.That((string?)row.error_message, Is.Null);
            Assert.That((int)row.prompt_tokens, Is.EqualTo(1200));
            Assert.That((int)row.completion_tokens, Is.EqualTo(80));
            Assert.That((int)row.duration_ms, Is.EqualTo(345));
            Assert.That(
                JsonNode.DeepEquals(JsonNode.Parse((string)row.tool_calls), JsonNode.Parse("[" + JsonSerializer.Serialize(toolCall, ToolCallRecord.JsonOptions) + "]")),
                Is.True,
                (string)row.tool_calls);
            Assert.That((DateTime)row.created_at, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
            Assert.That((Guid?)row.log_id, Is.Not.Null);
        });
        Assert.That(await redis.GetDatabase().ListLengthAsync(log.Queue.PendingKey), Is.Zero);
    }

    [Test]
    public async Task DrainAsync_ManyRows_OneInsertPerBatch()
    {
        var log = Create(new QueryLogOptions { BatchSize = 500 });
        await Task.WhenAll(Enumerable.Range(0, 1200).Select(n => log.Store.RecordAsync(_company, Record($"q{n}"))));

        var written = await log.Writer.DrainAsync(retry: false, CancellationToken.None);

        Assert.That(written, Is.EqualTo(1200));
        await using var connection = await _core.OpenConnectionAsync(CancellationToken.None);
        // Rows written by one statement share its transaction id.
        var transactions = await connection.QueryAsync<long>("SELECT count(*) FROM iat_queries GROUP BY xmin::text ORDER BY 1 DESC");
        Assert.That(transactions, Is.EqualTo(new long[] { 500, 500, 200 }));
    }

    [Test]
    public async Task HistoryAsync_RightAfterRecord_ShowsTheQuestion()
    {
        var log = Create();
        await log.Store.RecordAsync(_company, Record("first"));
        await log.Store.RecordAsync(_company, Record("second"));

        var history = await log.Store.HistoryAsync(_company, "ana@acme.com", 10, CancellationToken.None);
        var statistics = await new QueryStatistics(_core, log.Writer).DailyAsync("acme", 1, CancellationToken.None);

        Assert.That(history.Select(h => h.Question), Is.EqualTo(new[] { "second", "first" }));
        Assert.That(statistics.Single().Queries, Is.EqualTo(2));
    }

    [Test]
    public async Task StopAsync_RowsQueued_AreAllWrittenBeforeTheHostStops()
    {
        // An interval longer than the test: only the stop writes them.
        var log = Create(new QueryLogOptions { FlushInterval = TimeSpan.FromSeconds(10) });
        var service = new QueryLogWriterService(log.Writer, log.Queue, log.Options, NullLogger<QueryLogWriterService>.Instance);
        await service.StartAsync(CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, 50).Select(n => log.Store.RecordAsync(_company, Record($"q{n}"))));
        Assert.That(await CountAsync(), Is.Zero);

        await service.StopAsync(CancellationToken.None);

        Assert.That(await CountAsync(), Is.EqualTo(50));
        await service.DisposeAsync();
    }

    [Test]
    public async Task Host_StoppedGracefully_HasWrittenEveryQuestionItRecorded()
    {
        var builder = TestHost.CreateBuilder(Path.GetTempPath(), Database.Uri, settings: new Dictionary<string, string?>
        {
            ["IAToolkit:Redis:KeyPrefix"] = _prefix,
            ["IAToolkit:QueryLog:FlushInterval"] = "00:00:10",
        });
        builder.AddIAToolkitCore();
        using var host = builder.Build();
        await host.StartAsync();
        var store = host.Services.GetRequiredService<QueryLogStore>();
        await Task.WhenAll(Enumerable.Range(0, 100).Select(n => store.RecordAsync(_company, Record($"q{n}"))));
        Assert.That(await CountAsync(), Is.Zero);

        await host.StopAsync();

        Assert.That(await CountAsync(), Is.EqualTo(100));
    }

    [Test]
    public async Task Service_FullBatchQueued_IsWrittenWithoutWaitingForTheInterval()
    {
        var log = Create(new QueryLogOptions { BatchSize = 20, FlushInterval = TimeSpan.FromSeconds(10) });
        var service = new QueryLogWriterService(log.Writer, log.Queue, log.Options, NullLogger<QueryLogWriterService>.Instance);
        await service.StartAsync(CancellationToken.None);
        try
        {
            for (var n = 0; n < 20; n++)
            {
                await log.Store.RecordAsync(_company, Record($"q{n}"));
            }

            Assert.That(await WaitForCountAsync(20, TimeSpan.FromSeconds(5)), Is.EqualTo(20));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
            await service.DisposeAsync();
        }
    }

    [Test]
    public async Task DrainAsync_BatchOfADeadWriter_IsWrittenOnceByAnotherAfterTheClaimTimeout()
    {
        var options = new QueryLogOptions { ClaimTimeout = TimeSpan.FromSeconds(1) };
        var crashed = Create(options);
        for (var n = 0; n < 10; n++)
        {
            await crashed.Store.RecordAsync(_company, Record($"q{n}"));
        }

        // The first writer takes the batch and dies before writing it.
        var batch = await crashed.Queue.ClaimAsync();
        Assert.That(batch!.Rows, Has.Count.EqualTo(10));
        var survivor = Create(options);

        var early = await survivor.Writer.DrainAsync(retry: false, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var late = await survivor.Writer.DrainAsync(retry: false, CancellationToken.None);

        Assert.That(early, Is.Zero, "the claim is still the first writer's");
        Assert.That(late, Is.EqualTo(10));
        Assert.That(await CountAsync(), Is.EqualTo(10));
        Assert.That(await survivor.Queue.StatusAsync(), Is.EqualTo((0L, Array.Empty<string>())).Using<(long, string[])>((a, b) => a.Item1 == b.Item1 && a.Item2.SequenceEqual(b.Item2)));
    }

    [Test]
    public async Task DrainAsync_BatchWrittenByAWriterThatDiedBeforeDeletingIt_IsNotWrittenTwice()
    {
        var options = new QueryLogOptions { ClaimTimeout = TimeSpan.FromSeconds(1) };
        var crashed = Create(options);
        for (var n = 0; n < 10; n++)
        {
            await crashed.Store.RecordAsync(_company, Record($"q{n}"));
        }

        // The first writer writes the batch and dies before deleting it from Redis.
        var batch = await crashed.Queue.ClaimAsync();
        await crashed.Table.InsertAsync(batch!.Rows, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var again = await Create(options).Writer.DrainAsync(retry: false, CancellationToken.None);

        Assert.That(again, Is.Zero);
        Assert.That(await CountAsync(), Is.EqualTo(10));
        Assert.That((await crashed.Queue.StatusAsync()).Claimed, Is.Empty);
    }

    [Test]
    public async Task FlushAsync_BatchHeldByAnotherWriter_IsWrittenBeforeTheRead()
    {
        var log = Create();
        await log.Store.RecordAsync(_company, Record("held"));
        _ = await log.Queue.ClaimAsync();

        var history = await log.Store.HistoryAsync(_company, "ana@acme.com", 10, CancellationToken.None);

        Assert.That(history.Select(h => h.Question), Is.EqualTo(new[] { "held" }));
        Assert.That((await log.Queue.StatusAsync()).Claimed, Is.Empty);
    }

    [Test]
    public async Task RecordAsync_RedisUnreachable_WritesTheRowToPostgreSQLAtOnce()
    {
        var log = Create(redisUrl: "redis://127.0.0.1:1");

        await log.Store.RecordAsync(_company, Record("no redis"));

        Assert.That(await CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task DrainAsync_PostgreSQLDown_RowsWaitInRedisAndLandWhenItIsBack()
    {
        var log = Create(new QueryLogOptions { ClaimTimeout = TimeSpan.FromSeconds(1) });
        for (var n = 0; n < 5; n++)
        {
            await log.Store.RecordAsync(_company, Record($"q{n}"));
        }

        // A host whose PostgreSQL is unreachable (same database name, so the same queue).
        var broken = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Port = 1, Timeout = 2 };
        var down = Create(new QueryLogOptions { ClaimTimeout = TimeSpan.FromSeconds(1) }, database: broken.ConnectionString);
        Assert.That(async () => await down.Writer.DrainAsync(retry: false, CancellationToken.None), Throws.InstanceOf<IAToolkitException>());
        Assert.That(await CountAsync(), Is.Zero);

        // PostgreSQL "back": a host that reaches it writes the batch once the dead one's claim expires.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var written = await log.Writer.DrainAsync(retry: false, CancellationToken.None);

        Assert.That(written, Is.EqualTo(5));
        Assert.That(await CountAsync(), Is.EqualTo(5));
    }

    [Test]
    public async Task DrainAsync_PostgreSQLDown_RetriesTheBatchUntilItIsWritten()
    {
        var down = Create(database: new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Port = 1, Timeout = 1 }.ConnectionString);
        await down.Store.RecordAsync(_company, Record("waits"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        Assert.That(async () => await down.Writer.DrainAsync(retry: true, cancel.Token), Throws.InstanceOf<OperationCanceledException>());

        var status = await down.Queue.StatusAsync();
        Assert.That(status.Claimed, Has.Length.EqualTo(1), "still held, not lost");
        await Create().Writer.FlushAsync(CancellationToken.None);
        Assert.That(await CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task DrainAsync_RowPostgreSQLRefuses_IsDroppedAndTheOthersWritten()
    {
        var log = Create();
        await log.Store.RecordAsync(_company, Record("before"));
        await log.Store.RecordAsync(_company, Record("nul \0 byte"));
        await log.Store.RecordAsync(_company, Record("after"));

        var written = await log.Writer.DrainAsync(retry: false, CancellationToken.None);

        Assert.That(written, Is.EqualTo(2));
        await using var connection = await _core.OpenConnectionAsync(CancellationToken.None);
        Assert.That(await connection.QueryAsync<string>("SELECT question FROM iat_queries ORDER BY id"), Is.EqualTo(new[] { "before", "after" }));
        Assert.That((await log.Queue.StatusAsync()).Pending, Is.Zero);
    }

    private static QueryRecord Record(string question)
        => new("ana@acme.com", null, "gpt-4o-mini", question, null, "An answer.", "ok", null, 10, 5, TimeSpan.FromMilliseconds(20), []);

    private T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }

    private QueryLog Create(QueryLogOptions? settings = null, string? redisUrl = null, string? database = null)
    {
        var options = Options.Create(settings ?? new QueryLogOptions());
        var redis = Own(new RedisConnection(Options.Create(new RedisOptions { Url = redisUrl ?? TestServices.RedisUrl, KeyPrefix = _prefix })));
        var core = database is null ? _core : Own(new CoreDatabase(Options.Create(new DatabaseOptions { ConnectionString = database }), NullLoggerFactory.Instance));
        var queue = new QueryLogQueue(redis, core, options);
        var table = new QueryLogTable(core, NullLogger<QueryLogTable>.Instance);
        var writer = new QueryLogWriter(queue, table, NullLogger<QueryLogWriter>.Instance);
        var store = new QueryLogStore(core, queue, table, writer, NullLogger<QueryLogStore>.Instance);
        return new QueryLog(redis, queue, table, writer, store, options);
    }

    private async Task<long> CountAsync()
    {
        await using var connection = await _core.OpenConnectionAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM iat_queries");
    }

    private async Task<long> WaitForCountAsync(long expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        long count;
        while ((count = await CountAsync()) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return count;
    }

    private sealed record QueryLog(RedisConnection Redis, QueryLogQueue Queue, QueryLogTable Table, QueryLogWriter Writer, QueryLogStore Store, IOptions<QueryLogOptions> Options);
}
