using IAToolkit.Caching;
using IAToolkit.Companies;
using IAToolkit.Identity;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IAToolkit.Knowledge;

/// <summary>
/// Files a user attaches to one question (<c>POST /api/{c}/file-store</c>): parsed to text at once and kept in Redis
/// under the hash of a random token for a while; the token works only for the company that stored it.
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
    /// <exception cref="IAToolkitException">
    /// Code <c>document_too_large</c> above <see cref="KnowledgeOptions.MaxFileStoreBytes"/>; <c>document_unreadable</c>
    /// for a type that is not supported or a file without text.
    /// </exception>
    public async Task<StoredFile> SaveAsync(Company company, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var limit = _options.Value.MaxFileStoreBytes;
        if (content.CanSeek && content.Length - content.Position > limit)
        {
            throw new IAToolkitException(ErrorCodes.DocumentTooLarge, $"{fileName} is larger than the {Megabytes(limit)} MB a file for a question may have.");
        }

        if (!DocumentParser.IsSupported(fileName))
        {
            throw new IAToolkitException(ErrorCodes.DocumentUnreadable, $"{fileName}: {Path.GetExtension(fileName)} is not a supported type (PDF, DOCX, XLSX, TXT, MD).");
        }

        var document = _parser.Parse(fileName, content);
        var text = string.Join("\n\n", document.Pages.Select(p => document.Pages.Count > 1 ? $"[page {p.Number}]\n{p.Text}" : p.Text)).Trim();
        if (text.Length == 0)
        {
            throw new IAToolkitException(ErrorCodes.DocumentUnreadable, $"{fileName}: no text in it");
        }

        var token = SecureTokens.Create();
        var lifetime = _options.Value.FileStoreLifetime;
        var database = (await _redis.GetAsync()).GetDatabase();
        var key = Key(token);
        // One transaction, so a key never lives without its expiry.
        var write = database.CreateTransaction();
        _ = write.HashSetAsync(key, [new("company", company.Id), new("name", fileName), new("text", text)]);
        _ = write.KeyExpireAsync(key, lifetime);
        await write.ExecuteAsync();
        return new StoredFile(token, fileName, document.Pages.Count, text.Length, DateTimeOffset.UtcNow + lifetime);
    }

    /// <summary>The file's text for a question of this company.</summary>
    /// <exception cref="IAToolkitException">Code <c>file_not_found</c>: unknown, expired, or another company's token.</exception>
    public async Task<(string Name, string Text)> ReadAsync(Company company, string token)
    {
        if (SecureTokens.IsWellFormed(token))
        {
            var values = await (await _redis.GetAsync()).GetDatabase().HashGetAsync(Key(token), ["company", "name", "text"]);
            if (!values[0].IsNull && (long)values[0] == company.Id)
            {
                var text = values[2].ToString();
                var max = _options.Value.MaxFileStoreCharacters;
                return (values[1].ToString(), text.Length <= max ? text : text[..max] + $"\n[… the file continues; only its first {max} characters are given]");
            }
        }

        throw new IAToolkitException(ErrorCodes.FileNotFound, "The file token is unknown, has expired or belongs to another company; upload the file again.");
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private RedisKey Key(string token) => $"{_redis.KeyPrefix}filestore:{Convert.ToHexStringLower(SecureTokens.Hash(token))}";
}

/// <summary>A file kept for a question.</summary>
/// <param name="Token">What <c>llm_query</c>'s <c>files</c> takes.</param>
/// <param name="FileName">The file's name.</param>
/// <param name="Pages">Pages (or sheets, or sections) read.</param>
/// <param name="Characters">Characters of text.</param>
/// <param name="ExpiresAt">When the token stops working.</param>
public sealed record StoredFile(string Token, string FileName, int Pages, int Characters, DateTimeOffset ExpiresAt);
