using IAToolkit.Benchmarks;
using IAToolkit.Benchmarks.Overhead;

return args.FirstOrDefault() switch
{
    "prompt-tokens" => await PromptTokens.RunAsync(),
    "search" => await SearchBenchmark.RunAsync([.. args.Skip(1)]),
    "ingest" => await IngestBenchmark.RunAsync([.. args.Skip(1)]),
    "overhead" => await OverheadBenchmark.RunAsync([.. args.Skip(1)]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/IAToolkit.Benchmarks -- prompt-tokens");
    Console.Error.WriteLine("       dotnet run -c Release --project benchmarks/IAToolkit.Benchmarks -- search [chunks,chunks,...]   (default 10000,100000)");
    Console.Error.WriteLine("       dotnet run -c Release --project benchmarks/IAToolkit.Benchmarks -- ingest [rounds]   (the sample's 18 documents, then rounds x 18 more; default 10, about 320 pages)");
    Console.Error.WriteLine("       dotnet run -c Release --project benchmarks/IAToolkit.Benchmarks -- " + OverheadOptions.Usage + "   (the request path with a zero-latency model, driven by wrk; --questions: the long run for host memory)");
    Console.Error.WriteLine("(with the local services running: eval \"$(./dev services start)\")");
    return 2;
}
