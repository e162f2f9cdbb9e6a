using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using Microsoft.Extensions.AI;

namespace IAToolkit.Assistant.Llm;

/// <summary>A chat pipeline with the model it talks to; shared by every question, so never disposed by one.</summary>
/// <param name="Client">The pipeline (function invocation, telemetry, logging, the provider's client).</param>
/// <param name="Model">The model (or Azure deployment) name.</param>
/// <param name="Provider">The provider kind.</param>
/// <param name="ProviderName">The provider as OpenTelemetry's <c>gen_ai.provider.name</c> spells it (<c>openai</c>).</param>
internal sealed record ModelClient(IChatClient Client, string Model, LlmProvider Provider, string ProviderName);
