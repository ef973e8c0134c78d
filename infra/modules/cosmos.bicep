// Cosmos DB for NoSQL: the database and its containers, each partitioned for single-partition reads.
param location string
param name string
param databaseName string
@description('Container name to partition key path, as CosmosContainers.PartitionKeys in the app.')
param containers object
param maxThroughput int = 1000

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: name
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [ { locationName: location, failoverPriority: 0, isZoneRedundant: false } ]
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: { resource: { id: databaseName } }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [for c in items(containers): {
  parent: database
  name: c.key
  properties: {
    resource: {
      id: c.key
      partitionKey: { paths: [ c.value ], kind: 'Hash' }
    }
    options: { autoscaleSettings: { maxThroughput: maxThroughput } }
  }
}]

output id string = account.id
output name string = account.name
output endpoint string = account.properties.documentEndpoint
