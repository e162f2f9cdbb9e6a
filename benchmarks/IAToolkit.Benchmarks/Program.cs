using IAToolkit.Benchmarks;

return args.FirstOrDefault() switch
{
    "prompt-tokens" => await PromptTokens.RunAsync(),
    "search" => await SearchBenchmark.RunAsync([.. args.Skip(1)]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/IAToolkit.Benchmarks -- prompt-tokens");
    Console.Error.WriteLine("       dotnet run -c Release --project benchmarks/IAToolkit.Benchmarks -- search [chunks,chunks,...]   (default 10000,100000)");
    Console.Error.WriteLine("(with the local services running: eval \"$(./dev services start)\")");
    return 2;
}
