// generator entry point: see SampleCampaign.swift
