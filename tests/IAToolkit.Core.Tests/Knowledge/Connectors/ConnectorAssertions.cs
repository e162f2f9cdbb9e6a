using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Core.Tests.Knowledge.Connectors;

/// <summary>Reads what a connector lists and opens, the way the loader will.</summary>
internal static class ConnectorAssertions
{
    public static async Task<List<SourceFile>> ListAllAsync(this IDocumentConnector connector)
    {
        var files = new List<SourceFile>();
        await foreach (var file in connector.ListAsync(CancellationToken.None))
        {
            files.Add(file);
        }

        return files;
    }

    public static async Task<byte[]> ReadAllAsync(this IDocumentConnector connector, SourceFile file)
    {
        await using var stream = await connector.OpenAsync(file, CancellationToken.None);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public static async Task<string> ReadTextAsync(this IDocumentConnector connector, string path)
        => System.Text.Encoding.UTF8.GetString(await connector.ReadAllAsync(new SourceFile(path, 0, null)));

    public static Task WriteTextAsync(this IDocumentConnector connector, string path, string text)
        => connector.WriteAsync(path, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), CancellationToken.None);
}
