using Moderation.Client.Http;

return await ClientProgram.RunAsync(ClientProgram.Root(ClientHost.Default), args);
