using IAToolkit.Benchmarks;

return args.FirstOrDefault() switch
{
    "prompt-tokens" => await PromptTokens.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/IAToolkit.Benchmarks -- prompt-tokens");
    Console.Error.WriteLine("(with the local services running: eval \"$(./dev services start)\")");
    return 2;
}
