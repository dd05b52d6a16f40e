using System.Diagnostics;
using AutoLab.Orchestrator.Hosting;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>MassTransit's own request/response rate on the same transport, the ceiling the loop is compared with.</summary>
public static class RequestResponseBenchmark
{
    /// <summary>Requests per second, sequential and with <paramref name="concurrency"/> in flight.</summary>
    public static async Task<(double Sequential, double Concurrent)> MeasureAsync(BusOptions bus, int requests, int concurrency, CancellationToken ct)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        // A durable queue with a fixed name: sending to "queue:x" declares x as durable, which a
        // temporary (auto-delete) endpoint's queue would contradict, closing the channel.
        const string queue = "autolab-bench-ping";
        builder.Services.AddMassTransit(x =>
        {
            x.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            x.AddConsumer<BenchPingConsumer>().Endpoint(e => e.Name = queue);
            x.AddRequestClient<BenchPing>(new Uri($"queue:{queue}"));
            if (bus.Transport == TransportKind.RabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    BusRegistration.ConfigureHost(cfg, bus.RabbitMqUri!);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        using IHost host = builder.Build();
        using (var startCancel = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            startCancel.CancelAfter(TimeSpan.FromSeconds(60)); // a broker that refuses us must not hang the benchmark
            await host.StartAsync(startCancel.Token);
        }

        try
        {
            IRequestClient<BenchPing> client = host.Services.GetRequiredService<IRequestClient<BenchPing>>();
            for (int i = 0; i < 200; i++)
            {
                await client.GetResponse<BenchPong>(new BenchPing { Sequence = i }, ct); // warm-up
            }

            var watch = Stopwatch.StartNew();
            for (int i = 0; i < requests; i++)
            {
                await client.GetResponse<BenchPong>(new BenchPing { Sequence = i }, ct);
            }

            double sequential = requests / watch.Elapsed.TotalSeconds;
            watch.Restart();
            int next = -1;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) < requests)
                {
                    await client.GetResponse<BenchPong>(new BenchPing { Sequence = next }, ct);
                }
            }));
            return (sequential, requests / watch.Elapsed.TotalSeconds);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
