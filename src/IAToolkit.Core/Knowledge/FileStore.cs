using IAToolkit.Companies;
using IAToolkit.Identity;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IAToolkit.Knowledge;

/// <summary>
/// Files a user attaches to one question (<c>POST /api/{c}/file-store</c>): read to text at once, within the parsing
/// budgets and off the request thread, and kept in Redis under the hash of a random token for a while. Only the text a
/// question will use is kept (at most <see cref="KnowledgeOptions.MaxFileStoreCharacters"/>), never the file. The token
/// works only for the company and the user that stored it: to anyone else it is an unknown token.
/// </summary>
internal sealed class FileStore
{
    private readonly RedisConnection _redis;
    private readonly DocumentParser _parser;
    private readonly IOptions<KnowledgeOptions> _options;

    public FileStore(RedisConnection redis, DocumentParser parser, IOptions<KnowledgeOptions> options)
    {
        _redis = redis;
        _parser = parser;
        _options = options;
    }

    /// <summary>Parses the file and returns its token and what it contained.</summary>
    /// <param name="company">The company the token works for.</param>
    /// <param name="owner">The user the token works for: a signed-in user, or the user an API caller names.</param>
    /// <param name="fileName">The file's name; its extension decides how it is read.</param>
    /// <param name="content">The file.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <exception cref="IAToolkitException">
    /// Code <c>document_too_large</c> above <see cref="KnowledgeOptions.MaxFileStoreBytes"/>; <c>document_unreadable</c>
    /// for a type that is not supported or a file without text; <c>document_too_complex</c> past a parsing budget;
    /// <c>parsing_busy</c> when every reading slot is taken.
    /// </exception>
    public async Task<StoredFile> SaveAsync(Company company, string owner, string fileName, Stream content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (!_parser.IsSupported(fileName))
        {
            throw new IAToolkitException(ErrorCodes.DocumentUnreadable, $"{fileName}: {Path.GetExtension(fileName)} is not a supported type ({_parser.SupportedTypes}).");
        }

        var bytes = await BoundedRead.ReadAsync(content, _options.Value.MaxFileStoreBytes, max => $"{fileName} is larger than the {Megabytes(max)} MB a file for a question may have.", cancellationToken);
        var document = await _parser.ParseAsync(fileName, bytes, waitForSlot: false, cancellationToken);
        var text = string.Join("\n\n", document.Pages.Select(p => document.Pages.Count > 1 ? $"[page {p.Number}]\n{p.Text}" : p.Text)).Trim();
        if (text.Length == 0)
        {
            throw new IAToolkitException(ErrorCodes.DocumentUnreadable, $"{fileName}: no text in it");
        }

        // Only what a question will be given is kept: the rest would cost Redis memory and never be read.
        var characters = text.Length;
        var max = _options.Value.MaxFileStoreCharacters;
        if (text.Length > max)
        {
            text = text[..max] + $"\n[… the file continues; only its first {max} characters are given]";
        }

        var token = SecureTokens.Create();
        var lifetime = _options.Value.FileStoreLifetime;
        var database = (await _redis.GetAsync()).GetDatabase();
        var key = Key(token);
        // One transaction, so a key never lives without its expiry.
        var write = database.CreateTransaction();
        _ = write.HashSetAsync(key, [new("company", company.Id), new("owner", OwnerHash(owner)), new("name", fileName), new("text", text)]);
        _ = write.KeyExpireAsync(key, lifetime);
        await write.ExecuteAsync();
        return new StoredFile(token, fileName, document.Pages.Count, characters, DateTimeOffset.UtcNow + lifetime);
    }

    /// <summary>The file's text for a question of this company and this user.</summary>
    /// <exception cref="IAToolkitException">Code <c>file_not_found</c>: unknown, expired, or another company's or user's token.</exception>
    public async Task<(string Name, string Text)> ReadAsync(Company company, string owner, string token)
    {
        if (SecureTokens.IsWellFormed(token) && !string.IsNullOrEmpty(owner))
        {
            var values = await (await _redis.GetAsync()).GetDatabase().HashGetAsync(Key(token), ["company", "owner", "name", "text"]);
            // Another user's token is answered exactly as an unknown one, so a token cannot be probed for.
            if (!values[0].IsNull && (long)values[0] == company.Id && !values[1].IsNull && values[1].ToString() == OwnerHash(owner))
            {
                return (values[2].ToString(), values[3].ToString());
            }
        }

        throw new IAToolkitException(ErrorCodes.FileNotFound, "The file token is unknown, has expired or belongs to someone else; upload the file again.");
    }

    // The user's identifier is kept only as a hash: Redis needs to compare it, not to know it.
    private static string OwnerHash(string owner) => Convert.ToHexStringLower(SecureTokens.Hash(owner));

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private RedisKey Key(string token) => $"{_redis.KeyPrefix}filestore:{Convert.ToHexStringLower(SecureTokens.Hash(token))}";
}

/// <summary>A file kept for a question.</summary>
/// <param name="Token">What <c>llm_query</c>'s <c>files</c> takes.</param>
/// <param name="FileName">The file's name.</param>
/// <param name="Pages">Pages (or sheets, or sections) read.</param>
/// <param name="Characters">Characters of text.</param>
/// <param name="ExpiresAt">When the token stops working.</param>
internal sealed record StoredFile(string Token, string FileName, int Pages, int Characters, DateTimeOffset ExpiresAt);
