using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Embeddings;

/// <summary>
/// The embedding model of a company: where its vectors come from and their size, e.g.
/// <c>("local", "all-MiniLM-L6-v2", 384)</c> or <c>("openai", "text-embedding-3-small", 1536)</c>. Vectors of
/// different models are not comparable, so a change of model means re-embedding the company's documents.
/// </summary>
/// <param name="Provider">
/// <c>local</c> (the in-process MiniLM, also when company.yaml says <c>huggingface</c>), <c>openai</c> (OpenAI or an
/// OpenAI-compatible server) or <c>azure</c>.
/// </param>
/// <param name="Name">The model's name, or the Azure deployment's.</param>
/// <param name="Dimensions">The length of every vector the model returns.</param>
internal sealed record EmbeddingModel(string Provider, string Name, int Dimensions);
