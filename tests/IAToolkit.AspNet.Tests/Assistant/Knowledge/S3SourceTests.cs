using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Dapper;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests.Assistant.Knowledge;

/// <summary>The sample documents put in an S3-compatible bucket and loaded from there index exactly as from the folders.</summary>
public sealed class S3SourceTests
{
    [Test]
    public async Task Load_FromS3_GivesTheSameChunksAndVectorsAsTheLocalFolders()
    {
        var endpoint = TestServices.Require("AWS_ENDPOINT_URL", "the S3-compatible server");
        var prefix = $"kb-test-{Guid.NewGuid():N}/";
        using var root = new TempContentRoot();
        var sample = CopySampleCompany(root.Path, prefix);
        await UploadAsync(endpoint, prefix, sample);
        await using var core = await TestDatabase.CreateAsync();
        var environment = new Dictionary<string, string?>
        {
            ["SAMPLE_DATABASE_URI"] = SampleAssistantFixture.SampleReaderUri,
            ["IAToolkit__Environment"] = "production",
            ["IAToolkit__Database__MigrateOnStart"] = "true",
        };
        var local = new Dictionary<string, string?>(environment) { ["IAToolkit__Environment"] = "development" };

        var fromS3 = await SampleHostProcess.RunAsync(core.Uri, environment, ["load"], root.Path);
        await SampleHostProcess.RunAsync(SampleAssistantFixture.Core.Uri, local, "load");

        Assert.That(fromS3.ExitCode, Is.Zero, fromS3.Output + fromS3.Error);
        Assert.That(fromS3.Output, Does.Contain($"s3://iatoolkit/{prefix}"));
        var s3Chunks = await ChunksAsync(core);
        Assert.That(s3Chunks, Has.Count.GreaterThan(18));
        Assert.That(s3Chunks, Is.EqualTo(await ChunksAsync(SampleAssistantFixture.Core)));
    }

    private static string CopySampleCompany(string root, string prefix)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "companies", "sample_company");
        var target = Path.Combine(root, "companies", "sample_company");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var yaml = Path.Combine(target, "config", "company.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml)
            .Replace("bucket: iatoolkit-sample-company", "bucket: iatoolkit", StringComparison.Ordinal)
            .Replace("prefix: sample_company/", $"prefix: {prefix}", StringComparison.Ordinal)
            .Replace("# endpoint_url_env: AWS_ENDPOINT_URL", "endpoint_url_env: AWS_ENDPOINT_URL", StringComparison.Ordinal));
        return target;
    }

    private static async Task UploadAsync(string endpoint, string prefix, string company)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        using var s3 = new AmazonS3Client(new BasicAWSCredentials(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY")), config);
        var data = Path.Combine(company, "sample_data");
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
        {
            var key = prefix + "companies/sample_company/sample_data/" + Path.GetRelativePath(data, file).Replace('\\', '/');
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "iatoolkit", Key = key, FilePath = file, UseChunkEncoding = false });
        }
    }

    private static async Task<List<string>> ChunksAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<string>("""
            SELECT d.source || '/' || d.file_name || ' p' || c.page || ' #' || c.chunk_index || ' ' || md5(c.text) || ' ' || md5(c.embedding::text)
            FROM iat_chunks c JOIN iat_documents d ON d.id = c.document_id
            ORDER BY 1
            """);
        return [.. rows];
    }
}
