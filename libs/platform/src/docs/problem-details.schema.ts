/**
 * OpenAPI description of the problem+json body, referenced by every documented error response.
 */
import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSchema,
  getSchemaPath,
} from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, statusTitle } from '../errors/problem';

@ApiSchema({ name: 'FieldError' })
export class FieldErrorSchema {
  @ApiProperty({ example: 'lines.0.quantity', description: 'Dotted path of the failing input' })
  field!: string;

  @ApiProperty({ example: 'quantity must not be less than 1' })
  message!: string;
}

@ApiSchema({ name: 'ProblemDetails', description: 'RFC 9457 problem details' })
export class ProblemDetailsSchema {
  @ApiProperty({
    example: '/problems/validation-failed',
    description: 'URI reference naming the problem; about:blank for plain HTTP errors',
  })
  type!: string;

  @ApiProperty({ example: 'Validation failed' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiPropertyOptional({ example: 'The request has invalid or unknown fields' })
  detail?: string;

  @ApiPropertyOptional({ example: '/contacts', description: 'The request path' })
  instance?: string;

  @ApiPropertyOptional({ description: 'Correlation id of the request (x-request-id)' })
  requestId?: string;

  @ApiPropertyOptional({
    type: [FieldErrorSchema],
    description:
      'One entry per failing input (400 validation and 422 domain problems that name a field)',
  })
  errors?: FieldErrorSchema[];
}

/** Documents each status as a problem+json response: `@ApiProblems(400, 401, 403, 404, 409)`. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsSchema, FieldErrorSchema),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: statusTitle(status),
        content: {
          [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } },
        },
      }),
    ),
  );
}
