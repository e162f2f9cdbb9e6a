using System.Text.Json;
using Dapper;
using IAToolkit.Companies;
using IAToolkit.Database;
using IAToolkit.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace IAToolkit.Assistant.Conversations;

/// <summary>
/// Conversations as chains of turns in PostgreSQL (durable), with the window of history the next prompt needs cached
/// in Redis (fast). Each turn is stored once in PostgreSQL; Redis holds, per conversation, one key with at most the
/// newest turns that fit the history budget (the parent's key is dropped when a turn is appended), so its footprint
/// does not grow with the conversation. Every lookup is by company and user: a response id of another user or company
/// is "not found".
/// </summary>
/// <remarks>
/// <para>
/// A question that continues a cached turn reads nothing from PostgreSQL: the cached window carries the owner and the
/// depth. Its one database statement is the insert of the new turn (with the root, for a conversation the question
/// starts). Statements are prepared once per pooled connection (see <see cref="CoreDatabase"/>).
/// </para>
/// <para>
/// Two questions continuing the same turn at once both read the same window and each appends its own turn: the
/// conversation branches, and a later question without a response id continues the newest branch. A question that
/// explicitly continues an older turn finds no cached window and reads its chain from PostgreSQL.
/// </para>
/// </remarks>
internal sealed partial class TurnStore
{
    private const int MaxDepth = 200;

    private const string InsertSql = """
        INSERT INTO iat_turns (response_id, company_id, user_identifier, parent_id, depth, question, answer, model)
        VALUES (@ResponseId, @CompanyId, @UserIdentifier, @ParentId, @Depth, @Question, @Answer, @Model)
        """;

    // A conversation started by its first question: the root and the turn in one statement (the reference from the
    // turn to the root is checked at the end of the statement).
    private const string InsertWithRootSql = """
        INSERT INTO iat_turns (response_id, company_id, user_identifier, parent_id, depth, question, answer, model)
        VALUES (@RootId, @CompanyId, @UserIdentifier, NULL, 0, NULL, NULL, @Model),
               (@ResponseId, @CompanyId, @UserIdentifier, @RootId, 1, @Question, @Answer, @Model)
        """;

    private const string LatestSql = """
        SELECT response_id FROM iat_turns
        WHERE company_id = @CompanyId AND user_identifier = @UserIdentifier
        ORDER BY created_at DESC, depth DESC LIMIT 1
        """;

    // The turn and up to MaxDepth of its ancestors, newest first; no row when the turn is not this user's.
    private const string ChainSql = """
        WITH RECURSIVE chain AS (
            SELECT response_id, parent_id, depth, depth AS top, question, answer FROM iat_turns
            WHERE response_id = @ResponseId AND company_id = @CompanyId AND user_identifier = @UserIdentifier
            UNION ALL
            SELECT t.response_id, t.parent_id, t.depth, c.top, t.question, t.answer
            FROM iat_turns t JOIN chain c ON t.response_id = c.parent_id
            WHERE c.depth > 0 AND c.depth > c.top - @MaxDepth
        )
        SELECT depth, question, answer FROM chain ORDER BY depth DESC
        """;

    // KEYS[1] the user's latest-turn pointer; ARGV[1] the turn asked for ('' for the latest), ARGV[2] the prefix of
    // window keys. Returns {id, window or false}, or an empty array when no turn is known.
    private const string ReadWindowScript = """
        local id = ARGV[1]
        if id == '' then
            id = redis.call('GET', KEYS[1])
            if not id then return {} end
        end
        return {id, redis.call('GET', ARGV[2] .. id)}
        """;

    private readonly CoreDatabase _database;
    private readonly RedisConnection _redis;
    private readonly IOptions<AssistantOptions> _options;
    private readonly ILogger<TurnStore> _logger;

    public TurnStore(CoreDatabase database, RedisConnection redis, IOptions<AssistantOptions> options, ILogger<TurnStore> logger)
    {
        _database = database;
        _redis = redis;
        _options = options;
        _logger = logger;
    }

    /// <summary>Starts a new conversation (init-context) and returns its root response id.</summary>
    public async Task<string> StartAsync(Company company, string userIdentifier, string model, CancellationToken cancellationToken)
    {
        var id = ResponseIds.Create();
        await using (var connection = await _database.OpenConnectionAsync(cancellationToken))
        {
            var row = new { ResponseId = id, CompanyId = company.Id, UserIdentifier = userIdentifier, ParentId = (string?)null, Depth = 0, Question = (string?)null, Answer = (string?)null, Model = model };
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, row, cancellationToken: cancellationToken));
        }

        await CacheAsync(company, userIdentifier, id, 0, []);
        return id;
    }

    /// <summary>The state a new question continues: the given response id, else the user's latest turn, else a new conversation.</summary>
    /// <exception cref="IAToolkitException">Code <c>conversation_not_found</c> for an id that is not this user's.</exception>
    public async Task<ConversationState> LoadAsync(Company company, string userIdentifier, string? responseId, string model, CancellationToken cancellationToken)
    {
        if (responseId is not null && !ResponseIds.IsWellFormed(responseId))
        {
            throw NotFound(responseId);
        }

        var explicitId = responseId is not null;
        var (cachedId, cached) = await ReadCacheAsync(company, userIdentifier, responseId);
        responseId ??= cachedId;
        if (cached is not null)
        {
            return cached;
        }

        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var state = responseId is null ? null : await ChainAsync(connection, company, userIdentifier, responseId, cancellationToken);
        if (state is null && !explicitId)
        {
            // No pointer, or a stale one (Redis outlived the row): the database knows the latest turn.
            responseId = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(LatestSql, new { CompanyId = company.Id, UserIdentifier = userIdentifier }, cancellationToken: cancellationToken));
            state = responseId is null ? null : await ChainAsync(connection, company, userIdentifier, responseId, cancellationToken);
            if (state is null)
            {
                // The user's first question: the conversation is stored with its first turn.
                return new ConversationState(ResponseIds.Create(), 0, [], Stored: false);
            }
        }

        return state ?? throw NotFound(responseId!);
    }

    /// <summary>Records an answered question after <paramref name="state"/> and returns the new turn's response id.</summary>
    public async Task<string> AppendAsync(Company company, string userIdentifier, ConversationState state, string question, string answer, string model, CancellationToken cancellationToken)
    {
        var id = ResponseIds.Create();
        var depth = state.Depth + 1;
        var stored = state.Stored;
        await using (var connection = await _database.OpenConnectionAsync(cancellationToken))
        {
            if (stored)
            {
                var row = new { ResponseId = id, CompanyId = company.Id, UserIdentifier = userIdentifier, ParentId = (string?)state.ParentId, Depth = depth, Question = (string?)question, Answer = (string?)answer, Model = model };
                try
                {
                    await connection.ExecuteAsync(new CommandDefinition(InsertSql, row, cancellationToken: cancellationToken));
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
                {
                    // Redis remembered a turn this database does not have (the database was restored or recreated, or
                    // another deployment shares the Redis prefix). The question is answered already: its turn starts a
                    // new conversation in the durable record instead of failing.
                    CachedTurnMissing(_logger, company.ShortName, state.ParentId);
                    stored = false;
                    depth = 1;
                }
            }

            if (!stored)
            {
                var rootId = state.Stored ? ResponseIds.Create() : state.ParentId;
                var rows = new { RootId = rootId, ResponseId = id, CompanyId = company.Id, UserIdentifier = userIdentifier, Question = question, Answer = answer, Model = model };
                await connection.ExecuteAsync(new CommandDefinition(InsertWithRootSql, rows, cancellationToken: cancellationToken));
            }
        }

        var window = TurnWindow.Newest([.. stored ? state.History : [], Turn.Of(question, answer)], _options.Value.HistoryTokenBudget);
        await CacheAsync(company, userIdentifier, id, depth, window, stored ? state.ParentId : null);
        return id;
    }

    /// <summary>The state after <paramref name="responseId"/> from the database, or <see langword="null"/> when it is not this user's turn.</summary>
    private async Task<ConversationState?> ChainAsync(Npgsql.NpgsqlConnection connection, Company company, string userIdentifier, string responseId, CancellationToken cancellationToken)
    {
        var parameters = new { ResponseId = responseId, CompanyId = company.Id, UserIdentifier = userIdentifier, MaxDepth };
        var rows = (await connection.QueryAsync<ChainRow>(new CommandDefinition(ChainSql, parameters, cancellationToken: cancellationToken))).AsList();
        if (rows.Count == 0)
        {
            return null;
        }

        // Newest first: count back only as far as the budget reaches.
        var budget = _options.Value.HistoryTokenBudget;
        var window = new List<Turn>();
        var spent = 0;
        foreach (var row in rows)
        {
            if (row.Question is null)
            {
                break;
            }

            var turn = Turn.Of(row.Question, row.Answer ?? string.Empty);
            spent += turn.Tokens;
            if (spent > budget)
            {
                break;
            }

            window.Add(turn);
        }

        window.Reverse();
        return new ConversationState(responseId, rows[0].Depth, window);
    }

    /// <summary>
    /// The turn a question continues (<paramref name="responseId"/>, else the user's latest one as Redis knows it) and
    /// its cached state when Redis has it and it is this user's; one round trip.
    /// </summary>
    private async Task<(string? ResponseId, ConversationState? State)> ReadCacheAsync(Company company, string userIdentifier, string? responseId)
    {
        try
        {
            var found = (RedisResult[]?)await (await _redis.GetAsync()).GetDatabase().ScriptEvaluateAsync(
                ReadWindowScript, [LatestKey(company, userIdentifier)], [responseId ?? string.Empty, $"{_redis.KeyPrefix}turns:"]);
            if (found is null || found.Length == 0)
            {
                return (responseId, null);
            }

            var id = (string)found[0]!;
            var value = (byte[]?)found[1];
            var window = value is null ? null : JsonSerializer.Deserialize(value, ConversationJsonContext.Default.CachedWindow);

            // Another user's (or company's) id is not found here; the database gives the definite answer.
            return window is not null && window.CompanyId == company.Id && window.UserIdentifier == userIdentifier
                ? (id, new ConversationState(id, window.Depth, window.Turns))
                : (id, null);
        }
        catch (Exception ex) when (ex is RedisException or JsonException)
        {
            return (responseId, null);
        }
    }

    // The cache is an optimization: when Redis is down the history comes from PostgreSQL. The writes go in one round trip.
    private async Task CacheAsync(Company company, string userIdentifier, string responseId, int depth, IReadOnlyList<Turn> window, string? replacedId = null)
    {
        try
        {
            var batch = (await _redis.GetAsync()).GetDatabase().CreateBatch();
            var lifetime = _options.Value.ConversationCacheLifetime;
            var value = JsonSerializer.SerializeToUtf8Bytes(new CachedWindow(company.Id, userIdentifier, depth, window), ConversationJsonContext.Default.CachedWindow);
            var writes = new List<Task>(3)
            {
                batch.StringSetAsync(HistoryKey(responseId), value, lifetime),
                batch.StringSetAsync(LatestKey(company, userIdentifier), responseId, lifetime),
            };
            if (replacedId is not null)
            {
                writes.Add(batch.KeyDeleteAsync(HistoryKey(replacedId)));
            }

            batch.Execute();
            await Task.WhenAll(writes);
        }
        catch (RedisException)
        {
        }
    }

    private RedisKey HistoryKey(string responseId) => $"{_redis.KeyPrefix}turns:{responseId}";

    private RedisKey LatestKey(Company company, string userIdentifier) => $"{_redis.KeyPrefix}latest-turn:{company.Id}:{userIdentifier}";

    private static IAToolkitException NotFound(string responseId)
        => new(ErrorCodes.ConversationNotFound, $"There is no conversation '{responseId}' for this user; call init-context to start one, or leave response_id out to continue the latest.");

    private sealed record ChainRow(int Depth, string? Question, string? Answer);

    [LoggerMessage(3300, LogLevel.Warning, "The cached turn {ResponseId} of company {Company} is not in the database (restored database, or a Redis prefix shared with another deployment); the new turn starts a new conversation")]
    private static partial void CachedTurnMissing(ILogger logger, string company, string responseId);
}
