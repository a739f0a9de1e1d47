using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Aws.Athena;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Query.Athena;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Runs any SQL statement on Athena, with its values as execution parameters, and returns typed objects.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "SesAthenaQuery", HelpUri = OnlineHelp.Docs + "Invoke-SesAthenaQuery.md")]
[OutputType(typeof(PSObject))]
public sealed class InvokeSesAthenaQueryCommand : AwsCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Sql { get; set; } = string.Empty;

    [Parameter]
    [AllowNull]
    [AllowEmptyCollection]
    public object?[]? Parameter { get; set; }

    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string WorkGroup { get; set; } = string.Empty;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        object?[] parameters = (Parameter ?? []).Select(p => p is PSObject wrapped ? wrapped.BaseObject : p).ToArray();
        using var http = new AwsHttpClient(ClientOptions(AwsService.Athena));
        var queries = new AthenaQueries(new AthenaClient(http), identities: null, Sink);
        await foreach (AthenaRecord record in queries.RunAsync(Sql, parameters, WorkGroup, Database, cancellationToken).ConfigureAwait(false))
        {
            var item = new PSObject();
            for (int i = 0; i < record.Names.Count; i++)
            {
                item.Properties.Add(new PSNoteProperty(record.Names[i], record.Values[i]));
            }

            Emit(item);
        }
    }
}
