using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using Microsoft.Extensions.AI;

namespace IAToolkit.Assistant.Llm;

/// <summary>A chat client with the model it talks to.</summary>
/// <param name="Client">The client.</param>
/// <param name="Model">The model (or Azure deployment) name.</param>
/// <param name="Provider">The provider kind.</param>
internal sealed record ModelClient(IChatClient Client, string Model, LlmProvider Provider);
