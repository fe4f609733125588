/** Propensity to buy: logistic regression per tenant, holdout AUC, scores (being built). */
import { Module } from '@nestjs/common';

@Module({})
export class PropensityModule {}
