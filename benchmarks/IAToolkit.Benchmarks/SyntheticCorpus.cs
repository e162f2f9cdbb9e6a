using System.Text;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Benchmarks;

/// <summary>
/// A synthetic, reproducible knowledge base (seeded): every document is about one topic. A topic is a random unit
/// vector (its centroid), eight topic words and a department. A chunk's embedding is the centroid plus Gaussian noise
/// of the same norm, normalized (cosine about 0.71 to its centroid, 0.5 to its topic's other chunks, about 0 to other
/// topics); its text is 40 pseudo-words, 6 drawn from the topic's words and 34 from a common vocabulary of 1,000. A
/// query is a fresh point of a random topic with two of its words. Metadata: the topic's department (one of ten) and
/// <c>corpus: synthetic</c> on every document.
/// </summary>
internal sealed class SyntheticCorpus
{
    public const int ChunksPerDocument = 100;
    public const int Departments = 10;

    private static readonly string[] s_syllables =
    [
        "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "be", "do", "fa", "gu", "hi", "jo", "ku", "la",
        "ma", "no", "pe", "qui", "re", "si", "tu", "ve", "xo", "ya", "zu", "bra", "cre", "dri", "flo", "gra",
    ];

    private readonly int _dimensions;
    private readonly Random _random;
    private readonly string[] _common;
    private readonly List<Topic> _topics = [];

    public SyntheticCorpus(int dimensions, int seed)
    {
        _dimensions = dimensions;
        _random = new Random(seed);
        _common = [.. Enumerable.Range(0, 1000).Select(_ => Word())];
    }

    /// <summary>The document about topic <paramref name="topic"/> (made on first use), with its chunks.</summary>
    public DocumentToStore Document(int topic)
    {
        var about = TopicAt(topic);
        var chunks = new List<ChunkToStore>(ChunksPerDocument);
        for (var i = 0; i < ChunksPerDocument; i++)
        {
            var text = new StringBuilder();
            for (var w = 0; w < 40; w++)
            {
                text.Append(w % 7 == 3 ? about.Words[_random.Next(about.Words.Length)] : _common[_random.Next(_common.Length)]).Append(' ');
            }

            chunks.Add(new ChunkToStore(i, 1 + (i / 5), text.ToString().TrimEnd(), Near(about.Centroid)));
        }

        var path = $"topic-{topic:D5}.pdf";
        var metadata = new Dictionary<string, string> { ["corpus"] = "synthetic", ["department"] = about.Department };
        return new DocumentToStore("bench", path, path, System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(path)), metadata, ChunksPerDocument / 5, chunks);
    }

    /// <summary>A query about one of the first <paramref name="topics"/> topics: a new point near it and two of its words.</summary>
    public (float[] Vector, string Text, string Department) Query(int topics)
    {
        var about = TopicAt(_random.Next(topics));
        var first = _random.Next(about.Words.Length);
        var second = (first + 1 + _random.Next(about.Words.Length - 1)) % about.Words.Length;
        return (Near(about.Centroid), $"{about.Words[first]} {about.Words[second]}", about.Department);
    }

    private Topic TopicAt(int index)
    {
        while (_topics.Count <= index)
        {
            _topics.Add(new Topic(Unit(), [.. Enumerable.Range(0, 8).Select(_ => Word())], $"d{_topics.Count % Departments}"));
        }

        return _topics[index];
    }

    private float[] Near(float[] centroid)
    {
        var noise = Unit();
        return Normalize([.. centroid.Select((c, i) => c + noise[i])]);
    }

    private float[] Unit()
    {
        var vector = new float[_dimensions];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble()));
        }

        return Normalize(vector);
    }

    private string Word() => string.Concat(Enumerable.Range(0, 3).Select(_ => s_syllables[_random.Next(s_syllables.Length)]));

    private static float[] Normalize(float[] vector)
    {
        var norm = (float)Math.Sqrt(vector.Sum(v => (double)v * v));
        return [.. vector.Select(v => v / norm)];
    }

    private sealed record Topic(float[] Centroid, string[] Words, string Department);
}
