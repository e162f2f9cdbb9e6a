using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Testing;

namespace IAToolkit.Core.Tests.Knowledge.Connectors;

/// <summary>
/// The local s3rver as <c>./dev services env</c> prints it (bucket <c>S3_BUCKET</c>), a unique key prefix per test,
/// and a plain client to check and clean up behind the connector.
/// </summary>
internal sealed class S3TestBucket : IDisposable
{
    public S3TestBucket()
    {
        Endpoint = TestServices.Require("AWS_ENDPOINT_URL", "s3rver");
        Bucket = TestServices.Require("S3_BUCKET", "s3rver");
        AccessKeyId = TestServices.Require("AWS_ACCESS_KEY_ID", "s3rver");
        SecretAccessKey = TestServices.Require("AWS_SECRET_ACCESS_KEY", "s3rver");
        Prefix = $"tests/{Guid.NewGuid():N}";
        Client = new AmazonS3Client(new BasicAWSCredentials(AccessKeyId, SecretAccessKey), new AmazonS3Config
        {
            ServiceURL = Endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }

    public string Endpoint { get; }

    public string Bucket { get; }

    public string AccessKeyId { get; }

    public string SecretAccessKey { get; }

    /// <summary>This test's connector prefix, e.g. <c>tests/3f2a…</c>.</summary>
    public string Prefix { get; }

    public AmazonS3Client Client { get; }

    /// <summary>A production s3 connector on the test bucket and prefix, with source <c>docs</c> at path <c>docs</c>.</summary>
    public string KnowledgeBaseYaml(string? bucket = null) => $"""
        knowledge_base:
          connectors:
            production:
              type: s3
              bucket: {bucket ?? Bucket}
              prefix: {Prefix}/
              endpoint_url_env: TEST_S3_ENDPOINT
          document_sources:
            docs: {"{"} path: docs {"}"}
        """;

    /// <summary>The variables the connector reads, as the host's configuration holds them.</summary>
    public Dictionary<string, string?> Settings(string? endpoint = null, string? secret = null) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = secret ?? SecretAccessKey,
        ["AWS_REGION"] = "us-east-1",
        ["TEST_S3_ENDPOINT"] = endpoint ?? Endpoint,
    };

    public ConnectorTestHost Host(Action<Dictionary<string, string?>>? configure = null, string? bucket = null)
    {
        var settings = Settings();
        configure?.Invoke(settings);
        return new ConnectorTestHost(KnowledgeBaseYaml(bucket), settings, development: false);
    }

    public void Dispose()
    {
        try
        {
            var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = Prefix + "/" };
            ListObjectsV2Response page;
            do
            {
                page = Client.ListObjectsV2Async(request).GetAwaiter().GetResult();
                foreach (var item in page.S3Objects ?? [])
                {
                    Client.DeleteObjectAsync(Bucket, item.Key).GetAwaiter().GetResult();
                }

                request.ContinuationToken = page.NextContinuationToken;
            }
            while (page.IsTruncated == true);
        }
        finally
        {
            Client.Dispose();
        }
    }
}
