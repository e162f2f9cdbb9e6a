using System.Collections.Concurrent;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IAToolkit.Knowledge.Connectors;

/// <summary>
/// One <see cref="AmazonS3Client"/> per distinct endpoint, region and credentials, shared by every connector that
/// uses them (the client is thread-safe and holds a connection pool); disposed with the host.
/// </summary>
internal sealed class S3ClientPool : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<AmazonS3Client>> _clients = new(StringComparer.Ordinal);
    private readonly DocumentConnectorOptions _options;
    private readonly ILogger _logger;

    public S3ClientPool(IOptions<DocumentConnectorOptions> options, ILogger<S3ClientPool> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    public AmazonS3Client Get(S3ClientSettings settings)
        => _clients.GetOrAdd(settings.Key, _ => new Lazy<AmazonS3Client>(() => Create(settings))).Value;

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }

        _clients.Clear();
    }

    private AmazonS3Client Create(S3ClientSettings settings)
    {
        var config = new AmazonS3Config
        {
            Timeout = _options.S3Timeout,
            MaxErrorRetry = _options.S3MaxErrorRetry,
            // Only what company.yaml names applies: not an AWS_ENDPOINT_URL* the SDK would otherwise read by itself.
            IgnoreConfiguredEndpointUrls = true,
        };
        if (settings.Endpoint is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }
        else
        {
            // S3-compatible servers (MinIO, s3rver, Ceph…) want path-style URLs, and most implement none of the
            // newer default checksums, so those are sent and checked only where the API requires them.
            config.ServiceURL = settings.Endpoint.AbsoluteUri;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = settings.Region;
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }

        ConnectorLog.CreatedS3Client(_logger, settings.EndpointDisplay, settings.Region, settings.AccessKeyId is null ? "default credentials" : settings.CredentialVariables);
        return settings.AccessKeyId is null
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(settings.AccessKeyId, settings.SecretAccessKey), config);
    }
}
