using System.Diagnostics;
using System.Text.Json;
using Dapper;
using IAToolkit.Assistant;
using IAToolkit.Assistant.Conversations;
using IAToolkit.Companies;
using IAToolkit.Configuration;
using IAToolkit.Core.Tests.Mail;
using IAToolkit.Database;
using IAToolkit.Database.Migrations;
using IAToolkit.Redis;
using IAToolkit.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IAToolkit.Core.Tests.Assistant;

/// <summary>Conversations against the real PostgreSQL and Redis: the cache holds the window the next prompt needs, not the whole chain.</summary>
public sealed class TurnStoreTests : DatabaseTest
{
    private const int Budget = 600;

    private CoreDatabase? _core;
    private RedisConnection? _redis;
    private string _prefix = null!;

    [TearDown]
    public async Task TearDownAsync()
    {
        if (_redis is not null)
        {
            var multiplexer = await _redis.GetAsync();
            foreach (var key in await KeysAsync("*"))
            {
                await multiplexer.GetDatabase().KeyDeleteAsync(key);
            }

            await _redis.DisposeAsync();
        }

        if (_core is not null)
        {
            await _core.DisposeAsync();
        }
    }

    [Test]
    public async Task AppendAsync_ThousandTurns_RedisHoldsOneBoundedWindowAndTheDatabaseEveryTurn()
    {
        var (store, company) = await CreateAsync();
        var state = await store.LoadAsync(company, "ana@acme.com", null, "gpt", CancellationToken.None);
        long sizeAtHundred = 0;
        for (var n = 1; n <= 1000; n++)
        {
            var id = await store.AppendAsync(company, "ana@acme.com", state, Question(n), Answer(n), "gpt", CancellationToken.None);
            state = await store.LoadAsync(company, "ana@acme.com", id, "gpt", CancellationToken.None);
            if (n == 100)
            {
                sizeAtHundred = await HistoryBytesAsync();
            }
        }

        var turnKeys = await KeysAsync("turns:*");
        Assert.That(turnKeys, Has.Count.EqualTo(1), "one cached window per conversation, not one per turn");
        var sizeAtThousand = await HistoryBytesAsync();
        Assert.That(sizeAtThousand, Is.LessThan(8 * 1024), "the window fits the history budget of 600 tokens");
        Assert.That(sizeAtThousand, Is.LessThanOrEqualTo(sizeAtHundred + 64), "the footprint does not grow with the conversation");

        var window = state.History;
        Assert.That(window[^1].Question, Is.EqualTo(Question(1000)), "the newest turn is in the window");
        Assert.That(window.Sum(t => TokenCounter.Count(t.Question) + TokenCounter.Count(t.Answer)), Is.LessThanOrEqualTo(Budget));
        Assert.That(window, Has.Count.GreaterThan(1));
        Assert.That(state.Depth, Is.EqualTo(1000));

        await using var connection = await Database.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM iat_turns WHERE question IS NOT NULL"), Is.EqualTo(1000), "PostgreSQL keeps every turn");
    }

    [Test]
    public async Task LoadAsync_WindowNotCached_ReadsTheSameWindowFromTheDatabase()
    {
        var (store, company) = await CreateAsync();
        var state = await store.LoadAsync(company, "ana@acme.com", null, "gpt", CancellationToken.None);
        for (var n = 1; n <= 40; n++)
        {
            var id = await store.AppendAsync(company, "ana@acme.com", state, Question(n), Answer(n), "gpt", CancellationToken.None);
            state = await store.LoadAsync(company, "ana@acme.com", id, "gpt", CancellationToken.None);
        }

        var cached = state.History;
        foreach (var key in await KeysAsync("turns:*"))
        {
            await (await _redis!.GetAsync()).GetDatabase().KeyDeleteAsync(key);
        }

        var fromDatabase = await store.LoadAsync(company, "ana@acme.com", state.ParentId, "gpt", CancellationToken.None);

        Assert.That(fromDatabase.History, Is.EqualTo(cached));
    }

    [Test]
    public async Task AppendAsync_CachedTurnMissingFromTheDatabase_StartsANewConversationInsteadOfFailing()
    {
        // Redis outlived the database (restored, recreated, or another deployment on the same prefix).
        var (store, company) = await CreateAsync();
        var state = await store.LoadAsync(company, "ana@acme.com", null, "gpt", CancellationToken.None);
        var first = await store.AppendAsync(company, "ana@acme.com", state, Question(1), Answer(1), "gpt", CancellationToken.None);
        await using (var connection = await _core!.OpenConnectionAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("DELETE FROM iat_turns");
        }

        var cached = await store.LoadAsync(company, "ana@acme.com", null, "gpt", CancellationToken.None);
        var second = await store.AppendAsync(company, "ana@acme.com", cached, Question(2), Answer(2), "gpt", CancellationToken.None);
        var next = await store.LoadAsync(company, "ana@acme.com", null, "gpt", CancellationToken.None);

        Assert.That(cached.ParentId, Is.EqualTo(first), "the stale pointer was read from Redis");
        Assert.That(next.ParentId, Is.EqualTo(second));
        Assert.That(next.History.Select(t => t.Question), Is.EqualTo(new[] { Question(2) }), "a new conversation");
        await using var check = await _core.OpenConnectionAsync(CancellationToken.None);
        Assert.That(await check.ExecuteScalarAsync<long>("SELECT count(*) FROM iat_turns WHERE response_id = @second", new { second }), Is.EqualTo(1));
    }

    [Test]
    public async Task LoadAsync_OlderTurnContinued_HistoryEndsAtThatTurn()
    {
        var (store, company) = await CreateAsync();
        var state = await store.LoadAsync(company, "ana@acme.com", null, "gpt", CancellationToken.None);
        var ids = new List<string>();
        for (var n = 1; n <= 5; n++)
        {
            var id = await store.AppendAsync(company, "ana@acme.com", state, Question(n), Answer(n), "gpt", CancellationToken.None);
            ids.Add(id);
            state = await store.LoadAsync(company, "ana@acme.com", id, "gpt", CancellationToken.None);
        }

        // The third turn's window was dropped from Redis when the fourth was appended: it comes from PostgreSQL.
        var branch = await store.LoadAsync(company, "ana@acme.com", ids[2], "gpt", CancellationToken.None);

        Assert.That(branch.History.Select(t => t.Question), Is.EqualTo(new[] { Question(1), Question(2), Question(3) }));
    }

    [Test]
    public async Task LoadAndAppend_CachedConversation_OneInsertAndNoOtherStatement()
    {
        var (store, company) = await CreateAsync();
        var state = await store.LoadAsync(company, "ana@acme.com", null, "gpt", CancellationToken.None);
        var id = await store.AppendAsync(company, "ana@acme.com", state, Question(1), Answer(1), "gpt", CancellationToken.None);

        using var statements = new StatementRecorder(Database.Uri);
        var latest = await store.LoadAsync(company, "ana@acme.com", null, "gpt", CancellationToken.None);
        var byId = await store.LoadAsync(company, "ana@acme.com", id, "gpt", CancellationToken.None);
        Assert.That(statements.Texts, Is.Empty, "a cached conversation is continued without reading PostgreSQL");
        await store.AppendAsync(company, "ana@acme.com", byId, Question(2), Answer(2), "gpt", CancellationToken.None);

        Assert.That(statements.Texts, Has.Count.EqualTo(1));
        Assert.That(statements.Texts[0], Does.StartWith("INSERT INTO iat_turns"));
        Assert.That(latest.ParentId, Is.EqualTo(id));
        Assert.That(byId.Depth, Is.EqualTo(1));
        Assert.That(byId.History.Select(t => t.Question), Is.EqualTo(new[] { Question(1) }));
    }

    [Test]
    public async Task AppendAsync_FirstQuestionOfAUser_StoresTheConversationAndTheTurnInOneStatement()
    {
        var (store, company) = await CreateAsync();

        using var statements = new StatementRecorder(Database.Uri);
        var state = await store.LoadAsync(company, "new@acme.com", null, "gpt", CancellationToken.None);
        var id = await store.AppendAsync(company, "new@acme.com", state, Question(1), Answer(1), "gpt", CancellationToken.None);

        Assert.That(statements.Texts, Has.Count.EqualTo(2), "one read to learn the user has no conversation, one write");
        await using var connection = await Database.OpenAsync();
        var rows = (await connection.QueryAsync<(string ResponseId, string? ParentId, int Depth)>(
            "SELECT response_id, parent_id, depth FROM iat_turns WHERE user_identifier = 'new@acme.com' ORDER BY depth")).ToList();
        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows[0].ParentId, Is.Null);
        Assert.That(rows[1], Is.EqualTo((id, rows[0].ResponseId, 1)));

        // Without Redis's pointer the database finds the same conversation.
        foreach (var key in await KeysAsync("*"))
        {
            await (await _redis!.GetAsync()).GetDatabase().KeyDeleteAsync(key);
        }

        var next = await store.LoadAsync(company, "new@acme.com", null, "gpt", CancellationToken.None);
        Assert.That(next.ParentId, Is.EqualTo(id));
        Assert.That(next.History.Select(t => t.Answer), Is.EqualTo(new[] { Answer(1) }));
    }

    [TestCase("ana@acme.com", true)]
    [TestCase("bob@acme.com", false)]
    [TestCase("ANA@acme.com", false)]
    [TestCase("ana@acme.com ", false)]
    public async Task LoadAsync_CachedTurnOfAnotherUserOrCompany_NotFound(string user, bool sameCompany)
    {
        var (store, company) = await CreateAsync();
        var state = await store.LoadAsync(company, "ana@acme.com", null, "gpt", CancellationToken.None);
        var id = await store.AppendAsync(company, "ana@acme.com", state, Question(1), Answer(1), "gpt", CancellationToken.None);
        var other = sameCompany ? await OtherCompanyAsync() : company;

        var ex = await Assert.ThrowsAsync<IAToolkitException>(() => store.LoadAsync(other, user, id, "gpt", CancellationToken.None));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCodes.ConversationNotFound));
    }

    private async Task<(TurnStore Store, Company Company)> CreateAsync()
    {
        _core = new CoreDatabase(Options.Create(new DatabaseOptions { ConnectionString = Database.Uri }), NullLoggerFactory.Instance);
        await new MigrationRunner(_core).MigrateAsync(CancellationToken.None);
        await using var connection = await _core.OpenConnectionAsync(CancellationToken.None);
        var id = await connection.ExecuteScalarAsync<long>("INSERT INTO iat_companies (short_name, name) VALUES ('acme', 'ACME') RETURNING id");
        var template = MailTestCompany.Create();
        var company = new Company(id, template.ShortName, template.Folder, template.Configuration, template.Implementation);
        _prefix = $"iat-test-{Guid.NewGuid():N}:";
        _redis = new RedisConnection(Options.Create(new RedisOptions { Url = TestServices.RedisUrl, KeyPrefix = _prefix }));
        var store = new TurnStore(_core, _redis, Options.Create(new AssistantOptions { HistoryTokenBudget = Budget }), NullLogger<TurnStore>.Instance);
        return (store, company);
    }

    private async Task<Company> OtherCompanyAsync()
    {
        await using var connection = await _core!.OpenConnectionAsync(CancellationToken.None);
        var id = await connection.ExecuteScalarAsync<long>("INSERT INTO iat_companies (short_name, name) VALUES ('globex', 'Globex') RETURNING id");
        var template = MailTestCompany.Create();
        return new Company(id, "globex", template.Folder, template.Configuration, template.Implementation);
    }

    private static string Question(int n) => $"Question {n}: how many orders did the northern region ship in week {n % 52} and which carrier took the most of them?";

    private static string Answer(int n) => $"Answer {n}: the northern region shipped {n * 7} orders that week; the carrier with the most was Speedy Express, with {n * 3} of them, followed by United Package.";

    private async Task<long> HistoryBytesAsync()
    {
        var keys = await KeysAsync("turns:*");
        var database = (await _redis!.GetAsync()).GetDatabase();
        long total = 0;
        foreach (var key in keys)
        {
            total += await database.StringLengthAsync(key);
        }

        return total;
    }

    private async Task<List<RedisKey>> KeysAsync(string pattern)
    {
        var multiplexer = await _redis!.GetAsync();
        var keys = new List<RedisKey>();
        foreach (var server in multiplexer.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: _prefix + pattern))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>The SQL the framework sends to this test's database while it lives, from Npgsql's own activities.</summary>
    private sealed class StatementRecorder : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly List<string> _texts = [];

        public StatementRecorder(string databaseUri)
        {
            var database = new Uri(databaseUri).AbsolutePath.Trim('/');
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.GetTagItem("db.namespace") as string == database || activity.GetTagItem("db.name") as string == database)
                    {
                        lock (_texts)
                        {
                            _texts.Add(activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName);
                        }
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<string> Texts
        {
            get
            {
                lock (_texts)
                {
                    return [.. _texts];
                }
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
