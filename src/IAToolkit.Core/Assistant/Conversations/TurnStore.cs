using System.Text.Json;
using Dapper;
using IAToolkit.Companies;
using IAToolkit.Database;
using IAToolkit.Redis;
using Microsoft.Extensions.Options;
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
/// Two questions continuing the same turn at once both read the same window and each appends its own turn: the
/// conversation branches, and a later question without a response id continues the newest branch. A question that
/// explicitly continues an older turn finds no cached window and reads its chain from PostgreSQL.
/// </remarks>
internal sealed class TurnStore
{
    private const int MaxDepth = 200;

    private const string InsertSql = """
        INSERT INTO iat_turns (response_id, company_id, user_identifier, parent_id, depth, question, answer, model)
        VALUES (@ResponseId, @CompanyId, @UserIdentifier, @ParentId, @Depth, @Question, @Answer, @Model)
        """;

    private const string FindSql = "SELECT depth FROM iat_turns WHERE response_id = @ResponseId AND company_id = @CompanyId AND user_identifier = @UserIdentifier";

    private const string LatestSql = """
        SELECT response_id FROM iat_turns
        WHERE company_id = @CompanyId AND user_identifier = @UserIdentifier
        ORDER BY created_at DESC, depth DESC LIMIT 1
        """;

    private const string ChainSql = """
        WITH RECURSIVE chain AS (
            SELECT response_id, parent_id, depth, question, answer FROM iat_turns
            WHERE response_id = @ResponseId AND company_id = @CompanyId AND user_identifier = @UserIdentifier
            UNION ALL
            SELECT t.response_id, t.parent_id, t.depth, t.question, t.answer
            FROM iat_turns t JOIN chain c ON t.response_id = c.parent_id
            WHERE c.depth > 0 AND c.depth > @MinDepth
        )
        SELECT question, answer FROM chain WHERE question IS NOT NULL ORDER BY depth
        """;

    private readonly CoreDatabase _database;
    private readonly RedisConnection _redis;
    private readonly IOptions<AssistantOptions> _options;

    public TurnStore(CoreDatabase database, RedisConnection redis, IOptions<AssistantOptions> options)
    {
        _database = database;
        _redis = redis;
        _options = options;
    }

    /// <summary>Starts a new conversation (init-context) and returns its root response id.</summary>
    public async Task<string> StartAsync(Company company, string userIdentifier, string model, CancellationToken cancellationToken)
    {
        var id = ResponseIds.Create();
        await InsertAsync(new { ResponseId = id, CompanyId = company.Id, UserIdentifier = userIdentifier, ParentId = (string?)null, Depth = 0, Question = (string?)null, Answer = (string?)null, Model = model }, cancellationToken);
        await CacheAsync(company, userIdentifier, id, []);
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
        responseId ??= await CachedLatestAsync(company, userIdentifier);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var depth = responseId is null ? null : await DepthAsync(connection, company, userIdentifier, responseId, cancellationToken);
        if (depth is null && !explicitId)
        {
            // No pointer, or a stale one (Redis outlived the row): the database knows the latest turn.
            responseId = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(LatestSql, new { CompanyId = company.Id, UserIdentifier = userIdentifier }, cancellationToken: cancellationToken));
            depth = responseId is null ? null : await DepthAsync(connection, company, userIdentifier, responseId, cancellationToken);
            if (depth is null)
            {
                return new ConversationState(await StartAsync(company, userIdentifier, model, cancellationToken), 0, []);
            }
        }

        if (depth is null)
        {
            throw NotFound(responseId!);
        }

        var history = await ReadCacheAsync(responseId!);
        if (history is null)
        {
            var parameters = new { ResponseId = responseId, CompanyId = company.Id, UserIdentifier = userIdentifier, MinDepth = Math.Max(0, depth.Value - MaxDepth) };
            history = TurnWindow.Newest([.. await connection.QueryAsync<Turn>(new CommandDefinition(ChainSql, parameters, cancellationToken: cancellationToken))], _options.Value.HistoryTokenBudget);
        }

        return new ConversationState(responseId!, depth.Value, history);
    }

    /// <summary>Records an answered question after <paramref name="state"/> and returns the new turn's response id.</summary>
    public async Task<string> AppendAsync(Company company, string userIdentifier, ConversationState state, string question, string answer, string model, CancellationToken cancellationToken)
    {
        var id = ResponseIds.Create();
        await InsertAsync(new { ResponseId = id, CompanyId = company.Id, UserIdentifier = userIdentifier, ParentId = (string?)state.ParentId, Depth = state.Depth + 1, Question = (string?)question, Answer = (string?)answer, Model = model }, cancellationToken);
        await CacheAsync(company, userIdentifier, id, TurnWindow.Newest([.. state.History, new Turn(question, answer)], _options.Value.HistoryTokenBudget), state.ParentId);
        return id;
    }

    private async Task InsertAsync(object row, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, row, cancellationToken: cancellationToken));
    }

    private static Task<int?> DepthAsync(Npgsql.NpgsqlConnection connection, Company company, string userIdentifier, string responseId, CancellationToken cancellationToken)
        => connection.ExecuteScalarAsync<int?>(new CommandDefinition(FindSql, new { ResponseId = responseId, CompanyId = company.Id, UserIdentifier = userIdentifier }, cancellationToken: cancellationToken));

    private async Task<string?> CachedLatestAsync(Company company, string userIdentifier)
    {
        try
        {
            var latest = await (await _redis.GetAsync()).GetDatabase().StringGetAsync(LatestKey(company, userIdentifier));
            return latest.IsNull ? null : latest.ToString();
        }
        catch (RedisException)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<Turn>?> ReadCacheAsync(string responseId)
    {
        try
        {
            var value = await (await _redis.GetAsync()).GetDatabase().StringGetAsync(HistoryKey(responseId));
            return value.IsNull ? null : JsonSerializer.Deserialize<List<Turn>>(value.ToString());
        }
        catch (RedisException)
        {
            return null;
        }
    }

    // The cache is an optimization: when Redis is down the history comes from PostgreSQL. The writes go in one round trip.
    private async Task CacheAsync(Company company, string userIdentifier, string responseId, IReadOnlyList<Turn> window, string? replacedId = null)
    {
        try
        {
            var batch = (await _redis.GetAsync()).GetDatabase().CreateBatch();
            var lifetime = _options.Value.ConversationCacheLifetime;
            var writes = new List<Task>(3)
            {
                batch.StringSetAsync(HistoryKey(responseId), JsonSerializer.Serialize(window), lifetime),
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
}
