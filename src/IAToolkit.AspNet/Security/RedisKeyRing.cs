using System.Xml.Linq;
using IAToolkit.Redis;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Logging;

namespace IAToolkit.AspNet.Security;

/// <summary>
/// The Data Protection key ring in Redis, shared by every host of one application (the Redis key carries the
/// application name). It reaches Redis (and reads REDIS_URL) only when a key is first needed, so verbs that never
/// protect anything run without Redis settings.
/// </summary>
/// <remarks>
/// Only keys encrypted by <see cref="SecretKeyXmlEncryptor"/> are handed to Data Protection. A plain key (written
/// before the ring was encrypted, or planted by someone who can write to Redis) would let its author forge every
/// cookie, so it is ignored and Data Protection makes a new, encrypted one; the sessions it signed end.
/// </remarks>
internal sealed class RedisKeyRing : IXmlRepository
{
    private static readonly XNamespace s_dataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    // Compared without the assembly version, so that keys survive an upgrade of the package.
    private static readonly string s_decryptorType = typeof(SecretKeyXmlDecryptor).FullName + ",";

    private readonly Lazy<RedisXmlRepository> _repository;
    private readonly ILogger _logger;
    private int _reported;

    public RedisKeyRing(RedisConnection redis, string applicationName, ILogger logger)
    {
        _logger = logger;
        _repository = new(() => new RedisXmlRepository(redis.GetDatabase, RedisKeyName(redis.KeyPrefix, applicationName)));
    }

    /// <summary>The Redis list holding the ring of one application.</summary>
    public static string RedisKeyName(string prefix, string applicationName) => $"{prefix}dataprotection:{applicationName}:keys";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var all = _repository.Value.GetAllElements();
        var usable = all.Where(IsUsable).ToList();
        if (usable.Count < all.Count && Interlocked.Exchange(ref _reported, 1) == 0)
        {
            SessionLog.PlainKeysIgnored(_logger, all.Count - usable.Count);
        }

        return usable;
    }

    public void StoreElement(XElement element, string friendlyName) => _repository.Value.StoreElement(element, friendlyName);

    private static bool IsUsable(XElement element)
    {
        if (element.Name.LocalName == "revocation")
        {
            return true;
        }

        var encrypted = element.Descendants(s_dataProtection + "encryptedSecret").ToList();
        return element.Name.LocalName == "key"
            && encrypted.Count > 0
            && encrypted.All(e => ((string?)e.Attribute("decryptorType"))?.StartsWith(s_decryptorType, StringComparison.Ordinal) == true)
            && !element.Descendants().Any(e => e.Name.LocalName == "masterKey");
    }
}
