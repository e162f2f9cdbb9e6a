using System.Xml.Linq;
using IAToolkit.Caching;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;

namespace IAToolkit.AspNet.Security;

/// <summary>
/// The Data Protection key ring in Redis, shared by every host. It reaches Redis (and reads REDIS_URL) only when a
/// key is first needed, so verbs that never protect anything run without Redis settings.
/// </summary>
internal sealed class RedisKeyRing : IXmlRepository
{
    private readonly Lazy<RedisXmlRepository> _repository;

    public RedisKeyRing(RedisConnection redis)
        => _repository = new(() => new RedisXmlRepository(redis.GetDatabase, redis.KeyPrefix + "dataprotection:keys"));

    public IReadOnlyCollection<XElement> GetAllElements() => _repository.Value.GetAllElements();

    public void StoreElement(XElement element, string friendlyName) => _repository.Value.StoreElement(element, friendlyName);
}
