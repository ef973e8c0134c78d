// The transcript pipeline in Azure: storage (private containers, stage queues, Event Grid delivering uploads to the
// ingest queue), Cosmos DB, Key Vault, the Function App (Flex Consumption, .NET isolated worker, serving the API and
// the pages) with a managed identity and RBAC, monitoring, and an optional Language resource.
targetScope = 'resourceGroup'

@description('Short name used in every resource name (lower-case letters and digits).')
@minLength(3)
@maxLength(11)
param prefix string

param location string = resourceGroup().location

@secure()
@description('Base64 secret from which each study\'s pseudonym key is derived.')
param pseudonymMasterKey string

@secure()
@description('Base64 256-bit key that encrypts re-identification key logs.')
param keyEncryptionKey string

@description('Client id of the Entra ID app registration people sign in with (app roles: see README).')
param entraClientId string = ''

@description('Create an Azure AI Language resource (off by default: no text leaves the study unless it is asked for).')
param deployLanguage bool = false

var suffix = uniqueString(resourceGroup().id)
var containers = [ 'uploads', 'restricted', 'pseudonymised', 'keys', 'exports' ]
// The queues of the app's StageTable.All; Infra.Tests holds this list, and the ingest queue below, to the table.
var stageQueues = [ 'transcript-uploads', 'pseudonymise', 'translation-check', 'suggest' ]
var cosmosContainers = {
  studies: '/partition'
  transcripts: '/studyId'
  segments: '/transcriptId'
  suggestions: '/transcriptId'
  pseudonymBooks: '/studyId'
  translationChecks: '/studyId'
  audit: '/studyId'
  codings: '/transcriptId'
  searchIndex: '/studyId'
  summaries: '/studyId'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { location: location, prefix: prefix }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: '${prefix}st${suffix}'
    containers: containers
    queues: concat(stageQueues, map(stageQueues, q => '${q}-poison'))
  }
}

module events 'modules/eventgrid.bicep' = {
  name: 'events'
  params: { location: location, storageAccountName: storage.outputs.name, ingestQueue: 'transcript-uploads' }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: { location: location, name: '${prefix}-cosmos-${suffix}', databaseName: 'pipeline', containers: cosmosContainers }
}

module vault 'modules/keyvault.bicep' = {
  name: 'vault'
  params: {
    location: location
    name: '${prefix}kv${suffix}'
    tenantId: subscription().tenantId
    pseudonymMasterKey: pseudonymMasterKey
    keyEncryptionKey: keyEncryptionKey
  }
}

module app 'modules/functionapp.bicep' = {
  name: 'app'
  params: {
    location: location
    name: '${prefix}-func-${suffix}'
    storageAccountName: storage.outputs.name
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabase: 'pipeline'
    masterKeyUri: vault.outputs.masterKeyUri
    encryptionKeyUri: vault.outputs.encryptionKeyUri
    insightsConnectionString: monitoring.outputs.connectionString
    entraClientId: entraClientId
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: app.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: vault.outputs.name
    cosmosAccountName: cosmos.outputs.name
    insightsName: monitoring.outputs.name
  }
}

module language 'modules/language.bicep' = if (deployLanguage) {
  name: 'language'
  params: { location: location, name: '${prefix}-lang-${suffix}' }
}

output functionAppHost string = app.outputs.defaultHostName
output languageEndpoint string = deployLanguage ? language!.outputs.endpoint : ''
